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
                csv.Append(Quote(policy.Options.Name)).Append(',').Append(metric.Name).Append(',')
                   .Append(Number(metric.Mean)).Append(',')
                   .Append(metric.HalfWidth95 is { } h ? Number(h) : string.Empty).Append(',')
                   .Append(metric.Replications.ToString(CultureInfo.InvariantCulture)).Append('\n');
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

    /// <summary>A time series, one row per step (times in seconds; instances and in-flight time-averaged; counts per step).</summary>
    public static string TimeSeries(IReadOnlyList<TimeSeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var csv = new StringBuilder("timeSeconds,instances,busyInstances,inFlight,arrivals,completions,throttles,coldStarts\n");
        foreach (var p in points)
        {
            csv.Append(Number(p.StartSeconds)).Append(',')
               .Append(Number(p.Instances)).Append(',')
               .Append(Number(p.BusyInstances)).Append(',')
               .Append(Number(p.InFlight)).Append(',')
               .Append(p.Arrivals.ToString(CultureInfo.InvariantCulture)).Append(',')
               .Append(p.Completions.ToString(CultureInfo.InvariantCulture)).Append(',')
               .Append(p.Throttles.ToString(CultureInfo.InvariantCulture)).Append(',')
               .Append(p.ColdStarts.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return csv.ToString();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : '"' + text.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
}
