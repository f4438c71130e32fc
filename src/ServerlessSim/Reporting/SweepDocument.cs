using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ServerlessSim.Experiments.Sweeps;

namespace ServerlessSim.Reporting;

/// <summary>Writes a sweep's results (or a part of them) as JSON: tidy rows, one per point x policy x metric (docs/experiments.md).</summary>
/// <remarks>
/// Deterministic: fixed field order, shortest round-trip numbers, "\n" line ends; a part holds everything needed to
/// write the whole document again after <see cref="SweepMerge"/>, so the merged document is byte-identical to the
/// one a single process writes. Parts are read back by <see cref="SweepDocumentReader"/>.
/// </remarks>
public static class SweepDocument
{
    /// <summary>The version of the document's shape; raised on any breaking change.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The <c>kind</c> of a whole sweep's document.</summary>
    public const string SweepKind = "sweep";

    /// <summary>The <c>kind</c> of a part (one shard's points).</summary>
    public const string PartKind = "sweepPart";

    /// <summary>The document as a UTF-8 JSON string with "\n" line ends; a whole sweep's includes the objective's outcome.</summary>
    public static string ToJson(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            var header = result.Header;
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("kind", result.Shard is null ? SweepKind : PartKind);
            json.WriteBoolean("partial", result.Partial);
            json.WriteString("name", header.Name);
            json.WriteString("fingerprint", header.Fingerprint);
            json.WriteString("mode", header.Mode == SweepMode.Grid ? "grid" : "zip");
            json.WriteStartArray("parameters");
            foreach (var parameter in header.Parameters)
            {
                json.WriteStringValue(parameter);
            }

            json.WriteEndArray();
            json.WriteNumber("points", header.PointCount);
            if (result.Shard is { } shard)
            {
                json.WriteStartObject("shard");
                json.WriteNumber("index", shard.Index);
                json.WriteNumber("count", shard.Count);
                json.WriteEndObject();
            }

            if (header.Objective is { } objective)
            {
                WriteObjective(json, result, objective);
            }

            json.WriteStartArray("rows");
            foreach (var point in result.Points)
            {
                foreach (var row in point.Rows)
                {
                    json.WriteStartObject();
                    json.WriteNumber("point", point.Index);
                    WriteValues(json, header, point.Values);
                    json.WriteString("policy", row.Policy);
                    json.WriteString("metric", row.Metric);
                    json.WriteNumber("mean", row.Mean);
                    WriteNumberOrNull(json, "ci95HalfWidth", row.HalfWidth95);
                    json.WriteNumber("replications", row.Replications);
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // The targets always (a part needs them for the merge); the outcome only on a whole sweep.
    private static void WriteObjective(Utf8JsonWriter json, SweepResult result, SweepObjective objective)
    {
        json.WriteStartObject("objective");
        json.WriteString("minimise", SweepObjective.CostMetric);
        WriteNumberOrNull(json, "maxP99Ms", objective.MaxP99Ms);
        WriteNumberOrNull(json, "maxThrottleRatio", objective.MaxThrottleRatio);
        if (objective.Policy is { } policy)
        {
            json.WriteString("policy", policy);
        }
        else
        {
            json.WriteNull("policy");
        }

        if (result.Shard is null)
        {
            var outcome = ObjectiveOutcome.Evaluate(result, objective);
            json.WriteNumber("candidates", outcome.Candidates.Count);
            json.WriteNumber("meetingTargets", outcome.Candidates.Count(c => c.MeetsTargets));
            if (outcome.Choice is { } choice)
            {
                json.WriteStartObject("choice");
                json.WriteNumber("point", choice.Point);
                WriteValues(json, result.Header, choice.Values);
                json.WriteString("policy", choice.Policy);
                WriteEstimate(json, SweepObjective.CostMetric, choice.Cost);
                WriteEstimate(json, SweepObjective.LatencyMetric, choice.P99);
                WriteEstimate(json, SweepObjective.ThrottleMetric, choice.Throttle);
                if (choice.UpperBoundsMeetTargets is { } upper)
                {
                    json.WriteBoolean("upperBoundsMeetTargets", upper);
                }
                else
                {
                    json.WriteNull("upperBoundsMeetTargets");
                }

                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("choice");
            }
        }

        json.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter json, SweepHeader header, IReadOnlyList<string> values)
    {
        json.WriteStartObject("parameters");
        for (var i = 0; i < header.Parameters.Count; i++)
        {
            json.WritePropertyName(header.Parameters[i]);
            json.WriteRawValue(values[i]);
        }

        json.WriteEndObject();
    }

    private static void WriteEstimate(Utf8JsonWriter json, string name, SweepRow row)
    {
        json.WriteStartObject(name);
        json.WriteNumber("mean", row.Mean);
        WriteNumberOrNull(json, "ci95HalfWidth", row.HalfWidth95);
        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
