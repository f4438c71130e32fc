namespace ServerlessSim.Experiments;

/// <summary>One function's results under one policy, over all replications, in an account with several functions.</summary>
/// <param name="Name">The function's name.</param>
/// <param name="VCpusPerInstance">vCPUs per instance as run (memory decides it unless the policy sets it).</param>
/// <param name="Metrics">Every scalar metric aggregated over replications, as for the account (latency percentiles within 1%).</param>
public sealed record FunctionResult(string Name, double VCpusPerInstance, IReadOnlyList<AggregatedMetric> Metrics)
{
    /// <summary>The mean of the metric named <paramref name="name"/> over replications.</summary>
    /// <exception cref="KeyNotFoundException">No metric of that name.</exception>
    public double this[string name] =>
        (Metrics.FirstOrDefault(m => m.Name == name) ?? throw new KeyNotFoundException($"No metric named '{name}'.")).Mean;
}
