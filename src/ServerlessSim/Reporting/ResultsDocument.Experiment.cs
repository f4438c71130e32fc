using System.Text.Json;
using ServerlessSim.Experiments;

namespace ServerlessSim.Reporting;

/// <content>The experiment section (detected warm-up, precision target) and the paired differences.</content>
public static partial class ResultsDocument
{
    // Present only when the experiment went beyond the scenario's fixed replications and warm-up, so documents of
    // plain runs keep their shape.
    private static void WriteExperiment(Utf8JsonWriter json, ComparisonResult result)
    {
        if (result.WarmUpDetection is null && result.Precision is null)
        {
            return;
        }

        json.WriteStartObject("experiment");
        if (result.WarmUpDetection is { } detection)
        {
            json.WriteStartObject("warmUp");
            json.WriteString("method", "mser5");
            json.WriteNumber("seconds", detection.WarmUp.Seconds);
            json.WriteNumber("pilotReplications", detection.PilotReplications);
            json.WriteBoolean("atSearchLimit", detection.AtSearchLimit);
            json.WriteStartArray("series");
            foreach (var series in detection.Series)
            {
                json.WriteStartObject();
                json.WriteString("policy", series.Policy);
                json.WriteString("series", series.Series);
                json.WriteNumber("seconds", series.WarmUp.Seconds);
                json.WriteNumber("batches", series.Result.Batches);
                json.WriteNumber("truncatedBatches", series.Result.TruncatedBatches);
                json.WriteBoolean("atSearchLimit", series.Result.AtSearchLimit);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (result.Precision is { } precision)
        {
            var target = precision.Target;
            json.WriteStartObject("precision");
            json.WriteString("metric", target.Metric);
            json.WriteNumber("relativeHalfWidth", target.RelativeHalfWidth);
            json.WriteNumber("minReplications", target.MinReplications);
            json.WriteNumber("maxReplications", target.MaxReplications);
            json.WriteNumber("batchReplications", target.EffectiveBatchReplications);
            json.WriteBoolean("met", precision.Met);
            json.WriteStartArray("achieved");
            foreach (var policy in result.Policies)
            {
                json.WriteStartObject();
                json.WriteString("policy", policy.Options.Name);
                var achieved = policy.Metrics.Count == 0 ? double.PositiveInfinity : PrecisionTarget.RelativeHalfWidthOf(policy.Metric(target.Metric));
                WriteNumberOrNull(json, "relativeHalfWidth", double.IsFinite(achieved) ? achieved : null);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteDifferences(Utf8JsonWriter json, ComparisonResult result)
    {
        json.WriteStartArray("differences");
        foreach (var policy in result.Differences)
        {
            json.WriteStartObject();
            json.WriteString("policy", policy.Policy);
            json.WriteNumber("pairs", policy.Metrics.Count == 0 ? 0 : policy.Metrics[0].Pairs);
            json.WriteStartArray("metrics");
            foreach (var difference in policy.Metrics)
            {
                json.WriteStartObject();
                json.WriteString("metric", difference.Metric);
                json.WriteNumber("mean", difference.Mean);
                WriteNumberOrNull(json, "ci95HalfWidth", difference.HalfWidth95);
                if (difference.Significant is { } significant)
                {
                    json.WriteBoolean("significant", significant);
                }
                else
                {
                    json.WriteNull("significant");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
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
