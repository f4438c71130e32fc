namespace ServerlessSim.Reporting;

/// <summary>Latency statistics of completed requests, from arrival to completion (cold-start wait included), in milliseconds.</summary>
/// <param name="Mean">Exact mean.</param>
/// <param name="P50">Median (within 0.1%).</param>
/// <param name="P95">95th percentile (within 0.1%).</param>
/// <param name="P99">99th percentile (within 0.1%).</param>
/// <param name="Max">Exact maximum.</param>
public sealed record LatencySummary(double Mean, double P50, double P95, double P99, double Max);
