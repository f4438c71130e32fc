using BenchmarkDotNet.Attributes;
using ServerlessSim.Experiments;

namespace ServerlessSim.Benchmarks;

/// <summary>Independent replications on one thread against all cores (the result is identical either way).</summary>
/// <remarks>
/// Four replications of the steady scenario's one-per-instance policy (4 x 1.5 M requests). The target of the
/// Performance issue: 2 cores give at least 1.8x the throughput of one.
/// </remarks>
[MemoryDiagnoser]
[RequestsPerSecondColumn]
public class ParallelReplicationBenchmarks
{
    private const int Replications = 4;
    private readonly Scenario _scenario = BenchmarkScenarios.Steady() with
    {
        Policies = [BenchmarkScenarios.Steady().Policies[0]],
        Replications = Replications,
    };

    [Params(1, 2)]
    public int Threads { get; set; }

    [Benchmark(OperationsPerInvoke = Replications * BenchmarkScenarios.SteadyArrivals)]
    public ComparisonResult Run() => Comparison.Run(_scenario, maxDegreeOfParallelism: Threads);
}
