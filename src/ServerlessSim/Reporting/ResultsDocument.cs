using System.Text;
using System.Text.Json;
using ServerlessSim.Cost;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies.Concurrency;
using ServerlessSim.Policies.Scaling;

namespace ServerlessSim.Reporting;

/// <summary>Writes a <see cref="ComparisonResult"/> as the results document (JSON, camelCase; see docs/results-format.md).</summary>
/// <remarks>
/// Deterministic: the same result gives the same bytes (fixed field order, shortest round-trip numbers, "\n" line
/// ends), so the same scenario and seed give a byte-identical document whatever the number of threads.
/// </remarks>
public static partial class ResultsDocument
{
    /// <summary>The version of the document's shape; raised on any breaking change.</summary>
    /// <remarks>2: <c>billing</c> became an object (model, arm, freeTier); prices list their rows; the bill's parts and per-CPU-second cost were added.</remarks>
    public const int SchemaVersion = 2;

    /// <summary>The metrics for which <c>comparison.ratios</c> gives policy / baseline.</summary>
    public static IReadOnlyList<string> RatioMetrics { get; } =
    [
        "throttleRatio", "coldStarts", "latencyMs.mean", "latencyMs.p50", "latencyMs.p99",
        "instances.mean", "instances.max", "inFlight.mean", "costUsd.total", "costUsd.perMillionRequests", "costUsd.perCpuSecond",
    ];

    /// <summary>The document as a UTF-8 JSON string with "\n" line ends.</summary>
    public static string ToJson(ComparisonResult result)
    {
        using var stream = new MemoryStream();
        Write(result, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the document to <paramref name="stream"/> as UTF-8 JSON.</summary>
    public static void Write(ComparisonResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteBoolean("partial", result.Partial);
        WriteScenario(json, result.Scenario);
        WriteExperiment(json, result);
        json.WriteStartArray("policies");
        foreach (var policy in result.Policies)
        {
            WritePolicy(json, policy);
        }

        json.WriteEndArray();
        WriteComparison(json, result);
        json.WriteEndObject();
    }

    private static void WriteScenario(Utf8JsonWriter json, Scenario scenario)
    {
        json.WriteStartObject("scenario");
        json.WriteString("name", scenario.Name);
        json.WriteNumber("seed", scenario.Seed);
        json.WriteNumber("horizonSeconds", scenario.Horizon.Seconds);
        json.WriteNumber("warmUpSeconds", scenario.WarmUp.Seconds);
        json.WriteNumber("replications", scenario.Replications);
        json.WriteNumber("accountConcurrencyLimit", scenario.EffectiveAccount.ConcurrencyLimit);
        if (scenario.Functions.Count == 1)
        {
            json.WritePropertyName("function");
            WriteFunction(json, scenario, scenario.Functions[0]);
        }
        else
        {
            json.WriteStartArray("functions");
            foreach (var function in scenario.Functions)
            {
                WriteFunction(json, scenario, function);
            }

            json.WriteEndArray();
        }

        WritePrices(json, scenario.EffectivePrices);
        json.WriteEndObject();
    }

    private static void WriteFunction(Utf8JsonWriter json, Scenario scenario, FunctionDefinition function)
    {
        json.WriteStartObject();
        json.WriteString("name", function.Name);
        json.WriteNumber("memoryMb", function.MemoryMb);
        json.WriteString("arrivals", function.Arrivals.ProcessName);
        json.WriteNumber("expectedRequests", function.Arrivals.ExpectedArrivals(scenario.WarmUp.Seconds, scenario.Horizon.Seconds));
        json.WriteString("cpu", function.Work.CpuDemand.Describe());
        json.WriteString("ioWait", function.Work.IoWait.Describe());
        json.WriteString("coldStart", function.ColdStart.Describe());
        if (function.KeepAlive.IsInfinite)
        {
            json.WriteString("keepAliveSeconds", "infinite");
        }
        else
        {
            json.WriteNumber("keepAliveSeconds", function.KeepAlive.Seconds);
        }

        PerRequestDescription.Write(json, function);

        json.WriteEndObject();
    }

    // Every row the bills used, so a result can be checked against the vendors' pages it cites.
    private static void WritePrices(Utf8JsonWriter json, PriceTable prices)
    {
        json.WriteStartObject("prices");
        json.WriteString("source", prices.Source);
        json.WriteString("asOf", prices.AsOf);
        json.WriteStartObject("rows");
        foreach (var row in prices.Rows)
        {
            json.WriteStartObject(row.Key);
            json.WriteNumber("value", row.Value);
            if (row.Tiers.Count > 0)
            {
                json.WriteStartArray("tiers");
                foreach (var tier in row.Tiers)
                {
                    json.WriteStartObject();
                    json.WriteNumber("above", tier.Above);
                    json.WriteNumber("value", tier.Value);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteString("source", row.Source);
            json.WriteString("date", row.Date);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WritePolicy(Utf8JsonWriter json, PolicyResult policy)
    {
        var options = policy.Options;
        json.WriteStartObject();
        json.WriteString("name", options.Name);
        json.WriteString("concurrency", options.Concurrency is ManyPerInstanceOptions ? "manyPerInstance" : "onePerInstance");
        json.WriteNumber("maxConcurrentPerInstance", policy.MaxConcurrentPerInstance);
        json.WriteNumber("vCpusPerInstance", policy.VCpusPerInstance);
        json.WriteString("dispatch", JsonNamingPolicy.CamelCase.ConvertName(options.EffectiveDispatch.Kind.ToString()));
        json.WriteString("limitCounts", JsonNamingPolicy.CamelCase.ConvertName(options.EffectiveLimitCounts.ToString()));
        var billing = options.EffectiveBilling;
        json.WriteStartObject("billing");
        json.WriteString("model", JsonNamingPolicy.CamelCase.ConvertName(billing.Model.ToString()));
        json.WriteBoolean("arm", billing.Arm);
        json.WriteBoolean("freeTier", billing.FreeTier);
        json.WriteEndObject();
        json.WriteString("scaling", options.EffectiveScaling.Kind);
        if (options.Preset is { } preset)
        {
            json.WriteString("preset", preset);
        }

        if (options.IsAutoscaled)
        {
            PlatformDocument.Write(json, options);
        }
        else if (options.Scaling is PerRequestScalingOptions perRequest)
        {
            PerRequestDescription.Write(json, perRequest);
        }

        if (options.Batching is { } batching)
        {
            BatchingDocument.Write(json, batching);
        }

        json.WriteNumber("replications", policy.Replications.Count);
        WriteMetrics(json, policy.Metrics, policy.Replications.Count);
        if (policy.FunctionResults.Count > 0)
        {
            json.WriteStartArray("functions");
            foreach (var function in policy.FunctionResults)
            {
                json.WriteStartObject();
                json.WriteString("name", function.Name);
                json.WriteNumber("vCpusPerInstance", function.VCpusPerInstance);
                WriteMetrics(json, function.Metrics, policy.Replications.Count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteMetrics(Utf8JsonWriter json, IReadOnlyList<AggregatedMetric> metrics, int replications)
    {
        WriteNested(json, metrics, m => m.Mean);
        if (replications > 1)
        {
            json.WriteStartObject("ci95HalfWidth");
            WriteNested(json, metrics, m => m.HalfWidth95 ?? 0);
            json.WriteEndObject();
        }
    }

    private static void WriteComparison(Utf8JsonWriter json, ComparisonResult result)
    {
        if (result.Policies.Count < 2)
        {
            return;
        }

        var baseline = result.Policies[0];
        json.WriteStartObject("comparison");
        json.WriteString("baseline", baseline.Options.Name);
        json.WriteStartArray("ratios");
        foreach (var policy in result.Policies.Skip(1))
        {
            json.WriteStartObject();
            json.WriteString("policy", policy.Options.Name);
            foreach (var name in RatioMetrics)
            {
                WriteNumberOrNull(json, name, Ratio(policy, baseline, name));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteDifferences(json, result);
        json.WriteEndObject();
    }

    /// <summary>policy / baseline for <paramref name="metric"/>, or null when the baseline is zero or a side has no runs.</summary>
    public static double? Ratio(PolicyResult policy, PolicyResult baseline, string metric)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(baseline);
        if (policy.Metrics.Count == 0 || baseline.Metrics.Count == 0)
        {
            return null;
        }

        var denominator = baseline[metric];
        return denominator == 0 ? null : policy[metric] / denominator;
    }

    // Metrics named "group.leaf" are contiguous per group; each group becomes a nested object.
    private static void WriteNested(Utf8JsonWriter json, IReadOnlyList<AggregatedMetric> metrics, Func<AggregatedMetric, double> value)
    {
        string? group = null;
        foreach (var metric in metrics)
        {
            var dot = metric.Name.IndexOf('.', StringComparison.Ordinal);
            var metricGroup = dot < 0 ? null : metric.Name[..dot];
            if (metricGroup != group)
            {
                if (group is not null)
                {
                    json.WriteEndObject();
                }

                if (metricGroup is not null)
                {
                    json.WriteStartObject(metricGroup);
                }

                group = metricGroup;
            }

            json.WriteNumber(dot < 0 ? metric.Name : metric.Name[(dot + 1)..], value(metric));
        }

        if (group is not null)
        {
            json.WriteEndObject();
        }
    }
}
