using ServerlessSim.Experiments;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Tests.TestSupport;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Experiments;

/// <summary>A concurrency cap with rejection, no cold start and unlimited keep-alive is an M/G/c/c loss system.</summary>
public class ErlangBTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        // (servers c, offered load a = lambda x E[S], service distribution)
        yield return new TestCaseData(1, 0.5, "exponential").SetName("c=1, a=0.5, exponential");
        yield return new TestCaseData(10, 8.0, "constant").SetName("c=10, a=8, constant");
        yield return new TestCaseData(10, 15.0, "lognormal").SetName("c=10, a=15, lognormal");
        yield return new TestCaseData(100, 100.0, "exponential").SetName("c=100, a=100, exponential");
        yield return new TestCaseData(1000, 1000.0, "lognormal").SetName("c=1000, a=1000, lognormal");
    }

    [TestCaseSource(nameof(Cases))]
    public void Throttle_ratio_matches_Erlang_B(int servers, double offeredLoad, string service)
    {
        const double meanServiceSeconds = 0.2;
        IDistribution distribution = service switch
        {
            "exponential" => new ExponentialDistribution(meanServiceSeconds),
            "constant" => new ConstantDistribution(meanServiceSeconds),
            // Median 0.15 s; sigma chosen so that the mean is 0.2 s: e^(mu + sigma^2 / 2) = 0.2.
            _ => new LogNormalDistribution(Math.Log(0.15), Math.Sqrt(2 * Math.Log(0.2 / 0.15))),
        };
        var rate = offeredLoad / meanServiceSeconds;

        // Aim for about 400 throttles per replication (at least 100,000 arrivals), so the interval is informative.
        var expected = QueueingTheory.ErlangB(servers, offeredLoad);
        var horizon = Math.Clamp(400 / (expected * rate), 100_000 / rate, 2_000_000 / rate) + 5;
        var scenario = TestScenarios.Single(
            PolicyOptions.OnePerInstance(),
            ArrivalProcess.Poisson(rate),
            cpu: ConstantDistribution.Zero,
            io: distribution,
            horizonSeconds: horizon,
            warmUpSeconds: 5, // 25 mean service times: the empty start is forgotten
            concurrencyLimit: servers,
            replications: 10);

        var ratios = Comparison.Run(scenario).Policies[0].Replications.Select(r => r.ThrottleRatio).ToArray();

        var mean = ratios.Average();
        mean.Should().BeApproximately(expected, TestScenarios.HalfWidth99(ratios),
            $"Erlang-B({servers}, {offeredLoad}) = {expected:G5}; simulated {mean:G5} over 10 replications");
    }

    [Test]
    public void Erlang_B_recursion_gives_known_values()
    {
        QueueingTheory.ErlangB(2, 1).Should().BeApproximately(0.2, 1e-15);
        QueueingTheory.ErlangB(1, 1).Should().BeApproximately(0.5, 1e-15);
        QueueingTheory.ErlangB(0, 3).Should().Be(1);
        // a^c / c! over the sum of a^k / k!, computed independently with log-gamma: 0.0248119176461627.
        QueueingTheory.ErlangB(1000, 1000).Should().BeApproximately(0.0248119176461627, 1e-12);
    }
}
