namespace ServerlessSim.Reporting;

/// <summary>One point of a policy's latency distribution, averaged over replications.</summary>
/// <param name="Percentile">The share of completed requests, in percent (0..100).</param>
/// <param name="MeanMs">The mean over replications of the latency at that percentile, in milliseconds.</param>
/// <param name="HalfWidth95Ms">The 95% confidence half-width of <paramref name="MeanMs"/>, in milliseconds; null with one replication.</param>
/// <param name="Replications">How many replications the mean is over.</param>
public sealed record AveragedLatencyPercentile(double Percentile, double MeanMs, double? HalfWidth95Ms, int Replications);
