using System.Text.Json;
using ServerlessSim.Configuration;
using ServerlessSim.Experiments.Sweeps;

namespace ServerlessSim.Reporting;

/// <summary>Reads back a document written by <see cref="SweepDocument"/> (a part, for <see cref="SweepMerge"/>).</summary>
public static class SweepDocumentReader
{
    /// <summary>Reads the part file at <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioValidationException">The file is missing, unreadable or not a sweep document.</exception>
    public static SweepResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScenarioValidationException([new ValidationError(path, ValidationErrors.Show(path), ScenarioFile.FileRule(path, e))]);
        }

        return Parse(json, path);
    }

    /// <summary>Reads a sweep document from JSON text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ScenarioValidationException">Not a sweep document of this schema version.</exception>
    public static SweepResult Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var version = root.GetProperty("schemaVersion").GetInt32();
            if (version != SweepDocument.SchemaVersion)
            {
                throw Invalid(source, $"has schemaVersion {version}; this version of serverless-sim reads {SweepDocument.SchemaVersion}");
            }

            var kind = root.GetProperty("kind").GetString();
            if (kind is not (SweepDocument.SweepKind or SweepDocument.PartKind))
            {
                throw Invalid(source, $"has kind \"{kind}\"; expected \"{SweepDocument.PartKind}\" (or \"{SweepDocument.SweepKind}\")");
            }

            var parameters = root.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()!).ToArray();
            var header = new SweepHeader(
                root.GetProperty("name").GetString()!,
                parameters,
                root.GetProperty("mode").GetString() == "zip" ? SweepMode.Zip : SweepMode.Grid,
                root.GetProperty("points").GetInt32(),
                root.GetProperty("fingerprint").GetString()!,
                root.TryGetProperty("objective", out var objective) ? ReadObjective(objective) : null);
            SweepShard? shard = root.TryGetProperty("shard", out var s)
                ? new SweepShard(s.GetProperty("index").GetInt32(), s.GetProperty("count").GetInt32())
                : null;
            return new SweepResult(header, ReadPoints(root.GetProperty("rows"), parameters), root.GetProperty("partial").GetBoolean(), shard);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw Invalid(source, $"is not a sweep document written by serverless-sim sweep ({e.Message})");
        }
    }

    private static SweepObjective ReadObjective(JsonElement objective) => new(
        NumberOrNull(objective.GetProperty("maxP99Ms")),
        NumberOrNull(objective.GetProperty("maxThrottleRatio")),
        objective.GetProperty("policy").ValueKind == JsonValueKind.Null ? null : objective.GetProperty("policy").GetString());

    // Rows arrive grouped by point, in order; each point's values are the raw JSON text written for them.
    private static IReadOnlyList<SweepPointResult> ReadPoints(JsonElement rows, IReadOnlyList<string> parameters)
    {
        var points = new List<SweepPointResult>();
        var currentRows = new List<SweepRow>();
        int? currentIndex = null;
        string[] currentValues = [];
        foreach (var row in rows.EnumerateArray())
        {
            var index = row.GetProperty("point").GetInt32();
            if (index != currentIndex)
            {
                if (currentIndex is { } previous)
                {
                    points.Add(new SweepPointResult(previous, currentValues, currentRows));
                }

                var values = row.GetProperty("parameters");
                currentValues = parameters.Select(p => values.GetProperty(p).GetRawText()).ToArray();
                currentRows = [];
                currentIndex = index;
            }

            currentRows.Add(new SweepRow(
                row.GetProperty("policy").GetString()!,
                row.GetProperty("metric").GetString()!,
                row.GetProperty("mean").GetDouble(),
                NumberOrNull(row.GetProperty("ci95HalfWidth")),
                row.GetProperty("replications").GetInt32()));
        }

        if (currentIndex is { } last)
        {
            points.Add(new SweepPointResult(last, currentValues, currentRows));
        }

        return points.OrderBy(p => p.Index).ToArray();
    }

    private static double? NumberOrNull(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();

    private static ScenarioValidationException Invalid(string source, string rule) =>
        new([new ValidationError(source, "(file)", rule)]);
}
