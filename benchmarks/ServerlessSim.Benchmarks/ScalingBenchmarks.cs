using BenchmarkDotNet.Attributes;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Reporting;
using ServerlessSim.Workload;

namespace ServerlessSim.Benchmarks;

/// <summary>Cost per request as the number of concurrently busy instances grows (one request per instance).</summary>
/// <remarks>
/// Each run simulates 2,000,000 arrivals at rate = busy / E[S], E[S] = 0.2 s (constant 200 ms of IO, so the count
/// of busy instances is exact by Little's law: 1,000 busy at 5,000 req/s, 100,000 busy at 500,000 req/s), with a
/// 50 ms cold start, unlimited account and instances. The target of the Performance issue: 100,000 busy instances
/// cost at most 2x per request what 1,000 cost.
/// </remarks>
[MemoryDiagnoser]
[RequestsPerSecondColumn]
public class ScalingBenchmarks
{
    private const int Arrivals = 2_000_000;
    private const double DurationSeconds = 0.2;
    private Scenario _scenario = null!;

    [Params(1_000, 10_000, 100_000)]
    public int BusyInstances { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rate = BusyInstances / DurationSeconds;
        _scenario = new Scenario(
            Name: $"busy-{BusyInstances}",
            Function: new FunctionDefinition(
                "f", 1024, ArrivalProcess.Poisson(rate), new WorkProfile(ConstantDistribution.Zero, new ConstantDistribution(DurationSeconds)),
                new ConstantDistribution(0.05), SimDuration.FromMinutes(10)),
            Policies: [PolicyOptions.OnePerInstance()],
            Horizon: SimDuration.FromSeconds(Arrivals / rate),
            WarmUp: SimDuration.FromSeconds(Math.Min(1.0, Arrivals / rate / 10)),
            Seed: 1,
            Account: new AccountOptions(10_000_000));
        BenchmarkScenarios.Describe(_scenario, 0, Arrivals);
    }

    [Benchmark(OperationsPerInvoke = Arrivals)]
    public RunResult Run() => ScenarioRunner.Run(_scenario, 0, 0);
}
