using ServerlessSim.Experiments;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Tests.TestSupport;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Experiments;

/// <summary>One many-requests instance with 1 vCPU and CPU-only work is an M/G/1 processor-sharing queue.</summary>
public class ProcessorSharingTheoryTests
{
    [TestCase(0.3, "exponential")]
    [TestCase(0.5, "lognormal")]
    [TestCase(0.8, "exponential")]
    [TestCase(0.8, "lognormal")]
    public void Mean_latency_is_mean_demand_over_one_minus_rho(double rho, string demand)
    {
        const double meanDemandSeconds = 0.010;
        IDistribution cpu = demand == "exponential"
            ? new ExponentialDistribution(meanDemandSeconds)
            : new LogNormalDistribution(Math.Log(0.006), Math.Sqrt(2 * Math.Log(meanDemandSeconds / 0.006))); // mean 10 ms
        var rate = rho / meanDemandSeconds;
        var scenario = TestScenarios.Single(
            PolicyOptions.ManyPerInstance(10_000, vCpus: 1),
            ArrivalProcess.Poisson(rate),
            cpu: cpu,
            io: ConstantDistribution.Zero,
            horizonSeconds: 205 + (20_000 / rate * 10 * 0.1), // about 20,000 requests (more at low load)
            warmUpSeconds: 5,
            maxInstances: 1,
            replications: 10);

        var runs = Comparison.Run(scenario).Policies[0].Replications;
        var latencies = runs.Select(r => r.LatencyMs.Mean / 1000).ToArray();

        runs.Should().OnlyContain(r => r.Throttled == 0 && r.InstanceStarts <= 1);
        var expected = QueueingTheory.ProcessorSharingMeanResponse(meanDemandSeconds, rho);
        latencies.Average().Should().BeApproximately(expected, TestScenarios.HalfWidth99(latencies),
            $"E[S] / (1 - rho) = {expected * 1000:0.###} ms at rho = {rho}");
    }

    [Test]
    public void Mean_in_flight_is_rho_over_one_minus_rho()
    {
        const double rho = 0.5;
        var scenario = TestScenarios.Single(
            PolicyOptions.ManyPerInstance(10_000, vCpus: 1),
            ArrivalProcess.Poisson(rho / 0.01),
            cpu: new ExponentialDistribution(0.01),
            io: ConstantDistribution.Zero,
            horizonSeconds: 505,
            warmUpSeconds: 5,
            maxInstances: 1,
            replications: 10);

        var inFlight = Comparison.Run(scenario).Policies[0].Replications.Select(r => r.InFlightMean).ToArray();

        inFlight.Average().Should().BeApproximately(rho / (1 - rho), TestScenarios.HalfWidth99(inFlight));
    }
}
