using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Benchmarks;

/// <summary>The scenarios the end-to-end benchmarks run, and how many requests each one simulates.</summary>
internal static class BenchmarkScenarios
{
    /// <summary>Expected arrivals of <see cref="BuiltInScenarios.IoHeavyApi"/> over [0, 1,200 s): 1,000 x 300 + 8,000 x 60 + 1,000 x 840.</summary>
    public const int IoHeavyApiArrivals = 1_620_000;

    /// <summary>The steady scenario's arrival rate, in requests per second.</summary>
    public const int SteadyRatePerSecond = 6_000;

    /// <summary>The steady scenario's horizon, in seconds.</summary>
    public const int SteadyHorizonSeconds = 250;

    /// <summary>Expected arrivals of <see cref="Steady"/>: 6,000 req/s x 250 s.</summary>
    public const int SteadyArrivals = SteadyRatePerSecond * SteadyHorizonSeconds;

    /// <summary>
    /// Steady Poisson traffic keeping about 1,200 instances busy one request per instance: 6,000 req/s x about
    /// 0.2 s per request (CPU median 10 ms at 0.58 vCPU, plus IO median 150 ms). With K = 80 on 1 vCPU an instance
    /// computes at most about 84 req/s (mean CPU 11.9 ms), so at least 72 instances share the load (91 in the run).
    /// The account limit is raised to 100,000 so nothing throttles; warm-up 30 s.
    /// </summary>
    public static Scenario Steady()
    {
        var builtIn = BuiltInScenarios.IoHeavyApi(seed: 42, replications: 1);
        return builtIn with
        {
            Name = "steady-6000",
            Function = builtIn.Function with { Arrivals = ArrivalProcess.Poisson(SteadyRatePerSecond) },
            Horizon = SimDuration.FromSeconds(SteadyHorizonSeconds),
            WarmUp = SimDuration.FromSeconds(30),
            Account = new AccountOptions(ConcurrencyLimit: 100_000),
        };
    }

    /// <summary>
    /// Checks that <paramref name="operationsPerInvoke"/> matches the scenario's expected arrivals, runs the policy
    /// once and prints what the run simulated (arrivals, events, instances), so the per-request figures can be checked.
    /// </summary>
    /// <returns>The arrivals the run simulated over [0, horizon), warm-up included.</returns>
    public static long Describe(Scenario scenario, int policyIndex, int operationsPerInvoke)
    {
        var expected = scenario.Function.Arrivals.ExpectedArrivals(0, scenario.Horizon.Seconds);
        if (Math.Abs(expected - operationsPerInvoke) > 0.5)
        {
            throw new InvalidOperationException(
                $"OperationsPerInvoke is {operationsPerInvoke} but {scenario.Name} expects {expected:0} arrivals; update the constant.");
        }

        var result = ScenarioRunner.Run(scenario, policyIndex, 0);
        var arrivals = result.TimeSeries.Sum(p => p.Arrivals);
        Console.WriteLine(
            $"// {scenario.Name} / {result.Policy}: {arrivals:N0} arrivals in [0, horizon) (expected {expected:N0}), " +
            $"{result.Requests:N0} after warm-up, {result.Throttled:N0} throttled, {result.EventsHandled:N0} events " +
            $"({result.EventsHandled / (double)arrivals:0.00} per arrival), instances mean {result.InstancesMean:0} max {result.InstancesMax:0}, " +
            $"in flight mean {result.InFlightMean:0}, latency p50 {result.LatencyMs.P50:0.0} ms p99 {result.LatencyMs.P99:0.0} ms");
        return arrivals;
    }
}
