using ServerlessSim.Experiments;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Tests.TestSupport;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Experiments;

/// <summary>Unlimited instances, one request each: an M/G/infinity system.</summary>
public class InfiniteServerTests
{
    [TestCase(50.0)]
    [TestCase(2000.0)]
    public void Mean_in_flight_is_lambda_times_mean_duration(double rate)
    {
        // One full vCPU (1,769 MB), so CPU takes its face value: E[S] = 10 ms + 150 ms.
        var cpu = LogNormalDistribution.FromMedianAndP99(0.008, 0.030);
        var io = LogNormalDistribution.FromMedianAndP99(0.120, 0.500);
        var scenario = TestScenarios.Single(
            PolicyOptions.OnePerInstance(),
            ArrivalProcess.Poisson(rate),
            cpu,
            io,
            horizonSeconds: 10 + (200_000 / rate),
            warmUpSeconds: 10,
            replications: 10);

        var runs = Comparison.Run(scenario).Policies[0].Replications;
        var inFlight = runs.Select(r => r.InFlightMean).ToArray();

        runs.Should().OnlyContain(r => r.Throttled == 0);
        var expected = QueueingTheory.InfiniteServerMeanInSystem(rate, cpu.Mean + io.Mean);
        inFlight.Average().Should().BeApproximately(expected, TestScenarios.HalfWidth99(inFlight));
    }
}
