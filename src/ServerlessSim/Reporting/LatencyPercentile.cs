namespace ServerlessSim.Reporting;

/// <summary>One point of a run's latency distribution: the latency within which a share of completed requests finished.</summary>
/// <param name="Percentile">The share of completed requests, in percent (0..100).</param>
/// <param name="Ms">The latency at that percentile, in milliseconds (within 0.1%).</param>
public sealed record LatencyPercentile(double Percentile, double Ms);
