using ServerlessSim.Policies;
using ServerlessSim.Reporting;

namespace ServerlessSim.Experiments;

/// <summary>One policy's results over all replications of a scenario.</summary>
/// <param name="Options">The policy.</param>
/// <param name="MaxConcurrentPerInstance">K as run (1 for one request per instance).</param>
/// <param name="VCpusPerInstance">vCPUs per instance as run.</param>
/// <param name="Replications">Each replication's result, in replication order.</param>
/// <param name="Metrics">Every scalar metric aggregated over replications, in the results document's order (the account's, with several functions).</param>
/// <param name="Functions">With several functions, each one's aggregated results, in the scenario's order; empty with one.</param>
/// <remarks>With several functions, <paramref name="VCpusPerInstance"/> is the first function's; each function's is in <paramref name="Functions"/>.</remarks>
public sealed record PolicyResult(
    PolicyOptions Options,
    int MaxConcurrentPerInstance,
    double VCpusPerInstance,
    IReadOnlyList<RunResult> Replications,
    IReadOnlyList<AggregatedMetric> Metrics,
    IReadOnlyList<FunctionResult>? Functions = null)
{
    /// <summary>Each function's results with several functions; empty with one.</summary>
    public IReadOnlyList<FunctionResult> FunctionResults => Functions ?? [];

    /// <summary>The aggregated metric named <paramref name="name"/> (e.g. <c>latencyMs.p99</c>).</summary>
    /// <exception cref="KeyNotFoundException">No metric of that name.</exception>
    public AggregatedMetric Metric(string name) =>
        Metrics.FirstOrDefault(m => m.Name == name) ?? throw new KeyNotFoundException($"No metric named '{name}'.");

    /// <summary>The mean of the metric named <paramref name="name"/> over replications.</summary>
    public double this[string name] => Metric(name).Mean;
}
