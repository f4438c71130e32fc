namespace ServerlessSim.Experiments.Sweeps;

/// <summary>Which point of a sweep is best: the cheapest (cost per million requests) that meets latency and throttling targets.</summary>
/// <param name="MaxP99Ms">The highest acceptable mean p99 latency, in ms; null for no latency target.</param>
/// <param name="MaxThrottleRatio">The highest acceptable mean throttle ratio (a fraction: 0.001 is 0.1%); null for no throttling target.</param>
/// <param name="Policy">Only this policy's results are candidates; null for every policy at every point.</param>
public sealed record SweepObjective(double? MaxP99Ms, double? MaxThrottleRatio, string? Policy = null)
{
    /// <summary>The metric minimised.</summary>
    public const string CostMetric = "costUsd.perMillionRequests";

    /// <summary>The metric of <see cref="MaxP99Ms"/>.</summary>
    public const string LatencyMetric = "latencyMs.p99";

    /// <summary>The metric of <see cref="MaxThrottleRatio"/>.</summary>
    public const string ThrottleMetric = "throttleRatio";
}
