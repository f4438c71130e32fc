using System.Globalization;
using System.Text;
using ServerlessSim.Experiments;
using ServerlessSim.Metrics;

namespace ServerlessSim.Reporting;

/// <summary>Writes results as CSV (RFC 4180, invariant culture, "\n" line ends).</summary>
public static class CsvWriters
{
    /// <summary>A tidy summary: one row per policy and metric (policy, metric, mean, ci95HalfWidth, replications).</summary>
    public static string Summary(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("policy,metric,mean,ci95HalfWidth,replications\n");
        foreach (var policy in result.Policies)
        {
            foreach (var metric in policy.Metrics)
            {
                AppendMetric(csv.Append(Quote(policy.Options.Name)).Append(','), metric);
            }
        }

        return csv.ToString();
    }

    /// <summary>Per function, with several functions: one row per policy, function and metric (header only with one function).</summary>
    public static string Functions(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("policy,function,metric,mean,ci95HalfWidth,replications\n");
        foreach (var policy in result.Policies)
        {
            foreach (var function in policy.FunctionResults)
            {
                foreach (var metric in function.Metrics)
                {
                    AppendMetric(csv.Append(Quote(policy.Options.Name)).Append(',').Append(Quote(function.Name)).Append(','), metric);
                }
            }
        }

        return csv.ToString();
    }

    /// <summary>The bills side by side: one row per policy with its billing model, the bill's parts and p99 latency (means over replications).</summary>
    /// <remarks>Columns: policy, billing, then USD amounts (totalUsd, perMillionRequestsUsd, perCpuSecondUsd, requestsUsd, computeBusyUsd, computeIdleUsd, initUsd, provisionedUsd, queueUsd), then latencyP99Ms.</remarks>
    public static string Cost(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string[] metrics =
        [
            "costUsd.total", "costUsd.perMillionRequests", "costUsd.perCpuSecond", "costUsd.requests", "costUsd.computeBusy",
            "costUsd.computeIdle", "costUsd.init", "costUsd.provisioned", "costUsd.queue", "latencyMs.p99",
        ];
        var csv = new StringBuilder(
            "policy,billing,totalUsd,perMillionRequestsUsd,perCpuSecondUsd,requestsUsd,computeBusyUsd,computeIdleUsd,initUsd,provisionedUsd,queueUsd,latencyP99Ms\n");
        foreach (var policy in result.Policies.Where(p => p.Metrics.Count > 0))
        {
            csv.Append(Quote(policy.Options.Name)).Append(',').Append(Quote(policy.Options.EffectiveBilling.ToString()));
            foreach (var metric in metrics)
            {
                csv.Append(',').Append(Number(policy[metric]));
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>
    /// The paired differences: one row per policy after the first and metric (policy, baseline, metric,
    /// meanDifference, ci95HalfWidth, pairs, significant); policy - baseline, replication by replication.
    /// </summary>
    public static string Differences(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("policy,baseline,metric,meanDifference,ci95HalfWidth,pairs,significant\n");
        foreach (var policy in result.Differences)
        {
            foreach (var difference in policy.Metrics)
            {
                csv.Append(Quote(policy.Policy)).Append(',').Append(Quote(policy.Baseline)).Append(',').Append(difference.Metric).Append(',')
                   .Append(Number(difference.Mean)).Append(',')
                   .Append(difference.HalfWidth95 is { } h ? Number(h) : string.Empty).Append(',')
                   .Append(difference.Pairs.ToString(CultureInfo.InvariantCulture)).Append(',')
                   .Append(difference.Significant switch { true => "true", false => "false", null => string.Empty }).Append('\n');
            }
        }

        return csv.ToString();
    }


    /// <summary>
    /// Each policy's latency distribution averaged over replications, one row per policy and percentile
    /// (policy, percentile in percent, latencyMs, ci95HalfWidth, replications); see <see cref="LatencyDistribution"/>.
    /// </summary>
    public static string LatencyPercentiles(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("policy,percentile,latencyMs,ci95HalfWidth,replications\n");
        foreach (var policy in result.Policies)
        {
            foreach (var point in LatencyDistribution.Average(policy.Replications))
            {
                csv.Append(Quote(policy.Options.Name)).Append(',')
                   .Append(Number(point.Percentile)).Append(',')
                   .Append(Number(point.MeanMs)).Append(',')
                   .Append(point.HalfWidth95Ms is { } h ? Number(h) : string.Empty).Append(',')
                   .Append(point.Replications.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return csv.ToString();
    }


    /// <summary>A time series, one row per step (times in seconds; instances, in-flight and waiting time-averaged; counts per step; throttles are 429s, retried or not).</summary>
    public static string TimeSeries(IReadOnlyList<TimeSeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var csv = new StringBuilder("timeSeconds,instances,busyInstances,inFlight,arrivals,completions,throttles,coldStarts,retries,waiting\n");
        foreach (var p in points)
        {
            csv.Append(Number(p.StartSeconds)).Append(',')
               .Append(Number(p.Instances)).Append(',')
               .Append(Number(p.BusyInstances)).Append(',')
               .Append(Number(p.InFlight)).Append(',')
               .Append(p.Arrivals.ToString(CultureInfo.InvariantCulture)).Append(',')
               .Append(p.Completions.ToString(CultureInfo.InvariantCulture)).Append(',')
               .Append(p.Throttles.ToString(CultureInfo.InvariantCulture)).Append(',')
               .Append(p.ColdStarts.ToString(CultureInfo.InvariantCulture)).Append(',')
               .Append(p.Retries.ToString(CultureInfo.InvariantCulture)).Append(',')
               .Append(Number(p.Waiting)).Append('\n');
        }

        return csv.ToString();
    }

    private static void AppendMetric(StringBuilder csv, AggregatedMetric metric) =>
        csv.Append(metric.Name).Append(',')
           .Append(Number(metric.Mean)).Append(',')
           .Append(metric.HalfWidth95 is { } h ? Number(h) : string.Empty).Append(',')
           .Append(metric.Replications.ToString(CultureInfo.InvariantCulture)).Append('\n');

    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : '"' + text.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
}
