using MathNet.Numerics.Distributions;
using ServerlessSim.Experiments;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Tests.TestSupport;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Experiments;

/// <summary>The 95% intervals are honest: over many independent experiments they cover a known true mean about 95% of the time.</summary>
public class CoverageTests
{
    private const int Experiments = 200;
    private const int Replications = 3;

    /// <remarks>
    /// M/G/infinity: Poisson 50 req/s, exponential IO waits of mean 0.1 s, no limit and no cold start, so the mean
    /// number in flight is lambda x E[S] = 5 exactly (the 2 s warm-up is 20 mean durations: the empty start's bias,
    /// 5 e^-20, is nil). Each experiment (its own seed, 3 replications) gives a Student-t interval; if they are right,
    /// the number covering 5 is Binomial(200, 0.95): 190 on average, and within the 99.9% acceptance region below
    /// (179 to 198) unless something is wrong: a normal 1.96 instead of t(0.975, 2) = 4.303 would cover about 81%
    /// (168 of these 200), and a half-width off by a factor of two far fewer. Few replications make the test sharp.
    /// </remarks>
    [Test]
    public void The_95_percent_interval_covers_the_theoretical_mean_about_95_percent_of_the_time()
    {
        const double theory = 5.0;
        QueueingTheory.InfiniteServerMeanInSystem(50, 0.1).Should().Be(theory);

        var covered = 0;
        for (var seed = 1; seed <= Experiments; seed++)
        {
            var scenario = TestScenarios.Single(
                PolicyOptions.OnePerInstance(),
                ArrivalProcess.Poisson(50),
                ConstantDistribution.Zero,
                new ExponentialDistribution(0.1),
                horizonSeconds: 22,
                warmUpSeconds: 2,
                replications: Replications,
                seed: seed);
            var inFlight = Experiment.Run(scenario).Policies[0].Metric("inFlight.mean");
            covered += Math.Abs(inFlight.Mean - theory) <= inFlight.HalfWidth95!.Value ? 1 : 0;
        }

        var (low, high) = AcceptanceRegion(Experiments, 0.95, 0.999);
        covered.Should().BeInRange(low, high, $"{Experiments} intervals at 95% should cover the truth about {0.95 * Experiments:0} times");
    }

    // The smallest [low, high] with P(low <= X <= high) >= level for X ~ Binomial(n, p), cutting equal tails.
    private static (int Low, int High) AcceptanceRegion(int n, double p, double level)
    {
        var tail = (1 - level) / 2;
        var low = 0;
        while (Binomial.CDF(p, n, low) < tail)
        {
            low++;
        }

        var high = n;
        while (high > 0 && 1 - Binomial.CDF(p, n, high - 1) < tail)
        {
            high--;
        }

        return (low, high);
    }
}
