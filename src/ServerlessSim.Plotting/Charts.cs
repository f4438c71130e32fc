using ServerlessSim.Experiments;
using ServerlessSim.Reporting;

namespace ServerlessSim.Plotting;

/// <summary>Charts of simulation results, ready to save as PNG or SVG (<see cref="Chart"/>) or show in a notebook.</summary>
/// <remarks>
/// Each policy keeps its colour in every chart (its index in the comparison). Time-series charts show replication 0,
/// as the time-series CSVs do; the latency CDF and the cost bars average all replications.
/// </remarks>
public static class Charts
{
    /// <summary>The charts of a comparison, in the order report.md shows them: latency CDF, instances and in flight, throttles and cold starts, cost.</summary>
    public static IReadOnlyList<Chart> ForComparison(ComparisonResult result) =>
        [LatencyCdf(result), InstancesAndInFlight(result), ThrottlesAndColdStarts(result), CostBreakdown(result)];

    /// <summary>Writes <see cref="ForComparison"/> into <paramref name="directory"/> as PNG and SVG; returns the figures for report.md.</summary>
    public static IReadOnlyList<ReportFigure> WriteForComparison(ComparisonResult result, string directory) =>
        ForComparison(result).Select(chart => chart.WriteTo(directory)).ToArray();

    /// <summary>The latency CDF of each policy (latency in ms on a log axis, share of completed requests in %), averaged over replications.</summary>
    public static Chart LatencyCdf(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return LatencyCdf(
            result.Policies.Select(p => new LatencyCurve(p.Options.Name, LatencyDistribution.Average(p.Replications))).ToArray(),
            $"{result.Scenario.Name}: latency CDF");
    }

    /// <summary>A latency CDF of the given curves (latency in ms on a log axis, share of completed requests in %).</summary>
    public static Chart LatencyCdf(IReadOnlyList<LatencyCurve> curves, string title)
    {
        ArgumentNullException.ThrowIfNull(curves);
        return LatencyCdfChart.Create(curves, title);
    }

    /// <summary>Live instances (top) and requests in flight (bottom) over simulated time, one line per policy (replication 0).</summary>
    public static Chart InstancesAndInFlight(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return TimeSeriesCharts.InstancesAndInFlight(
            SeriesOf(result), StepSeconds(result), result.Scenario.WarmUp.Seconds, $"{result.Scenario.Name}: instances and requests in flight");
    }

    /// <summary>Throttled requests per second (top) and cold starts per second (bottom) over simulated time, one line per policy (replication 0).</summary>
    public static Chart ThrottlesAndColdStarts(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return TimeSeriesCharts.ThrottlesAndColdStarts(
            SeriesOf(result), StepSeconds(result), result.Scenario.WarmUp.Seconds, $"{result.Scenario.Name}: throttles and cold starts");
    }

    /// <summary>
    /// Each policy's cost over the measured window as a bar stacked by component: every <c>costUsd.*</c> metric other
    /// than the total and the per-million figure (today requests, compute and init), with the total's 95% interval.
    /// </summary>
    public static Chart CostBreakdown(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var costs = result.Policies.Where(p => p.Metrics.Count > 0).Select(p => new PolicyCost(
            p.Options.Name,
            p.Metrics
                .Where(m => m.Name.StartsWith("costUsd.", StringComparison.Ordinal) && m.Name is not ("costUsd.total" or "costUsd.perMillionRequests"))
                .ToDictionary(m => m.Name["costUsd.".Length..], m => m.Mean),
            p.Metric("costUsd.total").HalfWidth95)).ToArray();
        return CostBreakdown(costs, $"{result.Scenario.Name}: cost over the measured window (error bar: 95% CI)");
    }

    /// <summary>Cost bars: one bar per policy, stacked by component (USD), the total written above each bar.</summary>
    public static Chart CostBreakdown(IReadOnlyList<PolicyCost> costs, string title)
    {
        ArgumentNullException.ThrowIfNull(costs);
        return CostChart.Create(costs, title);
    }

    /// <summary>Sweep curves: <paramref name="metricLabel"/> against <paramref name="parameterLabel"/>, one line per series, 95% intervals as error bars.</summary>
    /// <param name="series">The curves.</param>
    /// <param name="parameterLabel">The x axis label with its unit, e.g. "requests per instance, K".</param>
    /// <param name="metricLabel">The y axis label with its unit, e.g. "latency p99 (ms)".</param>
    /// <param name="title">The chart's title (also its caption).</param>
    /// <param name="logX">Whether the parameter axis is logarithmic (every x must then be positive).</param>
    public static Chart SweepCurves(IReadOnlyList<SweepSeries> series, string parameterLabel, string metricLabel, string title, bool logX = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        return SweepChart.Create(series, parameterLabel, metricLabel, title, logX);
    }

    private static TimeSeriesCharts.Series[] SeriesOf(ComparisonResult result) =>
        result.Policies.Select(p => new TimeSeriesCharts.Series(p.Options.Name, p.Replications.Count > 0 ? p.Replications[0].TimeSeries : [])).ToArray();

    private static double StepSeconds(ComparisonResult result) => result.Scenario.EffectiveTimeSeriesStep.Seconds;
}
