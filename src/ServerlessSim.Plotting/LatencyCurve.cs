using ServerlessSim.Reporting;

namespace ServerlessSim.Plotting;

/// <summary>One curve of a latency CDF: a name and its latency at a set of percentiles.</summary>
/// <param name="Name">The legend text, usually the policy's name.</param>
/// <param name="Points">Latency (ms) at each percentile (%), ascending; see <see cref="LatencyDistribution.Average"/>.</param>
public sealed record LatencyCurve(string Name, IReadOnlyList<AveragedLatencyPercentile> Points);
