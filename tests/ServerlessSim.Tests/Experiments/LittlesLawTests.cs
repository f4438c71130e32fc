using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Tests.TestSupport;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Experiments;

/// <summary>Little's law, L = X x W, for both execution models.</summary>
public class LittlesLawTests
{
    private static IEnumerable<TestCaseData> Policies()
    {
        yield return new TestCaseData(PolicyOptions.OnePerInstance()).SetName("one per instance");
        yield return new TestCaseData(PolicyOptions.ManyPerInstance(80, vCpus: 1)).SetName("many per instance, K=80, 1 vCPU");
        yield return new TestCaseData(PolicyOptions.ManyPerInstance(8, vCpus: 1)).SetName("many per instance, K=8, 1 vCPU");
    }

    /// <remarks>
    /// Over a window of length T, L x T and the sum of counted latencies differ only by requests that straddle the
    /// window's edges: those in flight at warm-up (in L, not in W) and those in flight at the horizon (all of
    /// their latency in W, part in L). Each edge holds at most max in-flight requests, each for at most the max
    /// latency, so |L - X W| &lt;= 2 x inFlight.max x latency.max / T: a bound from the run itself, not a guess.
    /// </remarks>
    [TestCaseSource(nameof(Policies))]
    public void Mean_in_flight_equals_throughput_times_mean_latency_within_the_edge_bound(PolicyOptions policy)
    {
        var scenario = TestScenarios.Single(
            policy,
            ArrivalProcess.Poisson(1000),
            LogNormalDistribution.FromMedianAndP99(0.010, 0.040),
            LogNormalDistribution.FromMedianAndP99(0.150, 0.600),
            horizonSeconds: 330,
            warmUpSeconds: 30,
            coldStart: LogNormalDistribution.FromMedianAndP99(0.250, 0.900),
            keepAlive: SimDuration.FromMinutes(10),
            memoryMb: 1024);
        var window = scenario.Horizon.Seconds - scenario.WarmUp.Seconds;

        var run = Comparison.Run(scenario).Policies[0].Replications[0];

        var throughput = run.Completed / window;
        var littlesL = throughput * run.LatencyMs.Mean / 1000;
        var edgeBound = 2 * run.InFlightMax * (run.LatencyMs.Max / 1000) / window;
        run.InFlightMean.Should().BeApproximately(littlesL, edgeBound);
        edgeBound.Should().BeLessThan(0.05 * run.InFlightMean, "the bound must be tight enough to mean something");
    }
}
