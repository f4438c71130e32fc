namespace ServerlessSim.Experiments;

/// <summary>The mean of one metric's paired differences (policy - baseline, replication by replication) with its 95% interval.</summary>
/// <param name="Metric">The metric's name (e.g. <c>latencyMs.p99</c>).</param>
/// <param name="Mean">The mean difference, in the metric's unit (positive: the policy is higher than the baseline).</param>
/// <param name="HalfWidth95">The Student-t 95% half-width of the mean difference, in the metric's unit; null with one pair.</param>
/// <param name="Pairs">Replications in which both policies finished.</param>
public sealed record PairedDifference(string Metric, double Mean, double? HalfWidth95, int Pairs)
{
    /// <summary>Whether the 95% interval excludes 0 (|mean| &gt; half-width); null with one pair, where there is no interval.</summary>
    /// <remarks>Identical results give differences of exactly 0, an interval [0, 0] that contains 0: not significant.</remarks>
    public bool? Significant => HalfWidth95 is { } h ? Math.Abs(Mean) > h : null;
}
