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

    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : '"' + text.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
}
