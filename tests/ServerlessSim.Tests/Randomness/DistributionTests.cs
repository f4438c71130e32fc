using ServerlessSim.Randomness;

namespace ServerlessSim.Tests.Randomness;

public class DistributionTests
{
    private static double[] Draw(IDistribution distribution, int count, long seed = 5)
    {
        var random = RandomStream.For(seed, 0, 0, StreamPurpose.Work);
        return Enumerable.Range(0, count).Select(_ => distribution.Sample(random)).Order().ToArray();
    }

    /// <remarks>
    /// The sample p-quantile of n draws has standard error sqrt(p (1 - p) / n) in probability: for n = 200,000 and
    /// p = 0.99, 0.00022. The check is on the empirical CDF at the target value, within 4 standard errors.
    /// </remarks>
    [Test]
    public void Lognormal_from_median_and_p99_hits_both()
    {
        var distribution = LogNormalDistribution.FromMedianAndP99(0.250, 0.900);
        var draws = Draw(distribution, 200_000);

        double Cdf(double x) => draws.Count(d => d <= x) / (double)draws.Length;
        Cdf(0.250).Should().BeApproximately(0.50, 4 * Math.Sqrt(0.25 / draws.Length));
        Cdf(0.900).Should().BeApproximately(0.99, 4 * Math.Sqrt(0.0099 / draws.Length));
        distribution.Mean.Should().BeApproximately(Math.Exp(Math.Log(0.25) + (distribution.Sigma * distribution.Sigma / 2)), 1e-15);
    }

    [TestCase("exponential")]
    [TestCase("gamma")]
    [TestCase("lognormal")]
    public void Sample_means_match_the_stated_mean_within_4_standard_errors(string kind)
    {
        IDistribution distribution = kind switch
        {
            "exponential" => new ExponentialDistribution(0.010),
            "gamma" => new GammaDistribution(2.5, 0.010),
            _ => LogNormalDistribution.FromMedianAndP99(0.010, 0.040),
        };
        var draws = Draw(distribution, 100_000);
        var mean = draws.Average();
        var sd = Math.Sqrt(draws.Sum(d => (d - mean) * (d - mean)) / (draws.Length - 1));

        mean.Should().BeApproximately(distribution.Mean, 4 * sd / Math.Sqrt(draws.Length));
        draws.Should().OnlyContain(d => d >= 0);
    }

    [Test]
    public void Empirical_percentiles_interpolate_linearly_and_stay_in_range()
    {
        var distribution = EmpiricalDistribution.FromPercentiles([(0, 0.001), (50, 0.010), (100, 0.100)]);

        distribution.Quantile(0.25).Should().BeApproximately(0.0055, 1e-15);
        distribution.Quantile(0.75).Should().BeApproximately(0.055, 1e-15);
        distribution.Mean.Should().BeApproximately((0.5 * 0.0055) + (0.5 * 0.055), 1e-15);
        Draw(distribution, 10_000).Should().OnlyContain(d => d >= 0.001 && d <= 0.100);
    }

    [Test]
    public void Empirical_from_samples_reproduces_their_range_and_mean()
    {
        var distribution = EmpiricalDistribution.FromSamples([0.3, 0.1, 0.2]);

        distribution.Quantile(0).Should().Be(0.1);
        distribution.Quantile(1).Should().Be(0.3);
        distribution.Mean.Should().BeApproximately(0.2, 1e-15);
    }

    [Test]
    public void Substreams_are_reproducible_and_independent()
    {
        var a = RandomStream.For(1, 0, 0, StreamPurpose.Arrivals);
        var again = RandomStream.For(1, 0, 0, StreamPurpose.Arrivals);
        var other = RandomStream.For(1, 0, 0, StreamPurpose.Work);
        var nextReplication = RandomStream.For(1, 1, 0, StreamPurpose.Arrivals);

        var first = Enumerable.Range(0, 5).Select(_ => a.NextUInt64()).ToArray();
        Enumerable.Range(0, 5).Select(_ => again.NextUInt64()).Should().Equal(first);
        Enumerable.Range(0, 5).Select(_ => other.NextUInt64()).Should().NotIntersectWith(first);
        Enumerable.Range(0, 5).Select(_ => nextReplication.NextUInt64()).Should().NotIntersectWith(first);
    }

    [Test]
    public void Uniform_draws_are_in_the_unit_interval_with_the_right_mean()
    {
        var random = RandomStream.For(9, 0, 0, StreamPurpose.Policy);
        var draws = Enumerable.Range(0, 100_000).Select(_ => random.NextDouble()).ToArray();

        draws.Should().OnlyContain(u => u >= 0 && u < 1);
        draws.Average().Should().BeApproximately(0.5, 4 * Math.Sqrt(1 / 12.0 / draws.Length));
    }

    [TestCase(100, 0)]
    [TestCase(180, 0)]
    [TestCase(360, 0.4)]
    [TestCase(390, 0.7)]
    [TestCase(420, 1)]
    [TestCase(500, 1)]
    public void The_empirical_cdf_inverts_its_quantile_function(double seconds, double expected)
    {
        var distribution = EmpiricalDistribution.FromPercentiles([(0, 180), (40, 360), (100, 420)]);

        distribution.Cdf(seconds).Should().BeApproximately(expected, 1e-12);
        if (expected is > 0 and < 1)
        {
            distribution.Quantile(expected).Should().BeApproximately(seconds, 1e-9);
        }
    }
}
