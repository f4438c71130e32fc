using ServerlessSim.Experiments;

namespace ServerlessSim.Reporting;

/// <summary>The compact latency distribution every run keeps: the latency at a fixed set of percentiles.</summary>
/// <remarks>
/// Thirty points are enough to draw a CDF on a log axis: every 5% through the body and finer steps in both tails,
/// where the policies differ. They are read from the run's latency histogram, so each is within 0.1%.
/// </remarks>
public static class LatencyDistribution
{
    /// <summary>The percentiles kept for every run, in percent, ascending (100 is the maximum).</summary>
    public static IReadOnlyList<double> Percentiles { get; } =
    [
        0.1, 0.5, 1, 2.5, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95,
        97.5, 99, 99.5, 99.9, 99.95, 99.99, 100,
    ];

    /// <summary>The distribution averaged over <paramref name="runs"/>: at each percentile, the mean latency and its half-width.</summary>
    /// <remarks>
    /// Averaging quantiles across replications (rather than pooling requests) keeps replications independent, so the
    /// half-width is a proper confidence interval. Runs without completed requests are left out; with none, the result is empty.
    /// </remarks>
    public static IReadOnlyList<AveragedLatencyPercentile> Average(IReadOnlyList<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var withLatency = runs.Where(r => r.LatencyPercentiles.Count > 0).ToArray();
        if (withLatency.Length == 0)
        {
            return [];
        }

        var points = new List<AveragedLatencyPercentile>(withLatency[0].LatencyPercentiles.Count);
        for (var i = 0; i < withLatency[0].LatencyPercentiles.Count; i++)
        {
            var metric = AggregatedMetric.From("latencyMs", withLatency.Select(r => r.LatencyPercentiles[i].Ms).ToArray());
            points.Add(new AveragedLatencyPercentile(withLatency[0].LatencyPercentiles[i].Percentile, metric.Mean, metric.HalfWidth95, metric.Replications));
        }

        return points;
    }
}
