using BenchmarkDotNet.Attributes;
using ServerlessSim.Experiments;
using ServerlessSim.Reporting;

namespace ServerlessSim.Benchmarks;

/// <summary>Whole runs on one thread, reported per simulated request (OperationsPerInvoke = the run's expected arrivals).</summary>
/// <remarks>
/// Policy 0 is one request per instance ("lambda"), policy 1 is up to 80 per 1-vCPU instance ("many-k80"), in both
/// scenarios. Each invocation is a complete run: validation, model set-up, arrivals to the horizon, the drain and
/// the result, so set-up costs are spread over 1.5 to 1.6 million requests.
/// </remarks>
[MemoryDiagnoser]
[RequestsPerSecondColumn]
public class EndToEndBenchmarks
{
    private readonly Scenario _ioHeavyApi = BuiltInScenarios.IoHeavyApi(replications: 1);
    private readonly Scenario _steady = BenchmarkScenarios.Steady();

    [Params(0, 1)]
    public int PolicyIndex { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        BenchmarkScenarios.Describe(_ioHeavyApi, PolicyIndex, BenchmarkScenarios.IoHeavyApiArrivals);
        BenchmarkScenarios.Describe(_steady, PolicyIndex, BenchmarkScenarios.SteadyArrivals);
    }

    /// <summary>The built-in IO-heavy API: 1,000 req/s with a spike to 8,000 req/s, account limit 1,000, 1,200 s.</summary>
    [Benchmark(OperationsPerInvoke = BenchmarkScenarios.IoHeavyApiArrivals)]
    public RunResult IoHeavyApi() => ScenarioRunner.Run(_ioHeavyApi, PolicyIndex, 0);

    /// <summary>Steady 6,000 req/s over about 1,200 busy instances (one per instance) for 250 s; nothing throttles.</summary>
    [Benchmark(OperationsPerInvoke = BenchmarkScenarios.SteadyArrivals)]
    public RunResult Steady() => ScenarioRunner.Run(_steady, PolicyIndex, 0);
}
