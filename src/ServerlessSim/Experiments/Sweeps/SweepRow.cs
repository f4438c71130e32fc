namespace ServerlessSim.Experiments.Sweeps;

/// <summary>One policy's metric at one sweep point: a row of the tidy output.</summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="Metric">The metric's name, as in the results document (e.g. <c>latencyMs.p99</c>).</param>
/// <param name="Mean">The mean over replications, in the metric's unit.</param>
/// <param name="HalfWidth95">The 95% confidence half-width, in the metric's unit; null with one replication.</param>
/// <param name="Replications">Replications the mean is over.</param>
public sealed record SweepRow(string Policy, string Metric, double Mean, double? HalfWidth95, int Replications)
{
    /// <summary>The upper end of the 95% interval, mean + half-width; null with one replication.</summary>
    public double? Upper95 => HalfWidth95 is { } h ? Mean + h : null;
}
