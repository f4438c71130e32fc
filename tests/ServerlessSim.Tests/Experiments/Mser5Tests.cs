using MathNet.Numerics.Distributions;
using ServerlessSim.Experiments;
using ServerlessSim.Randomness;

namespace ServerlessSim.Tests.Experiments;

public class Mser5Tests
{
    // Batches of 5 equal points, so the batch means are the worked example's 10, 6, 3, 1, 3, 1.
    [Test]
    public void The_worked_example_truncates_two_batches()
    {
        var series = new[] { 10.0, 6, 3, 1, 3, 1 }.SelectMany(v => Enumerable.Repeat(v, 5)).ToArray();

        var result = Mser5.Truncate(series);

        result.Batches.Should().Be(6);
        result.TruncatedBatches.Should().Be(2);
        result.TruncatedPoints.Should().Be(10);
        result.Statistic.Should().BeApproximately(0.25, 1e-12, "MSER(2) = 4 / 16");
        result.AtSearchLimit.Should().BeFalse();
    }

    [Test]
    public void A_step_transient_is_cut_exactly_where_it_ends()
    {
        // 100 points around 50, then 900 around 10, with unit noise: the transient is the first 100 points.
        var noise = Noise(seed: 1, count: 1000);
        var series = noise.Select((e, i) => (i < 100 ? 50.0 : 10.0) + e).ToArray();

        var result = Mser5.Truncate(series);

        result.TruncatedPoints.Should().Be(100);
        result.AtSearchLimit.Should().BeFalse();
    }

    [Test]
    public void A_decaying_transient_is_cut_once_its_bias_is_below_the_noise()
    {
        // 10 + 30 e^(-t/50) + N(0, 1): the bias falls to 1 (the noise) at t = 50 ln 30 = 170 and to 0.1 at t = 285.
        var noise = Noise(seed: 2, count: 2000);
        var series = noise.Select((e, t) => 10 + (30 * Math.Exp(-t / 50.0)) + e).ToArray();

        var result = Mser5.Truncate(series);

        result.TruncatedPoints.Should().BeInRange(100, 400);
        result.AtSearchLimit.Should().BeFalse();
    }

    [Test]
    public void A_stationary_series_keeps_almost_everything()
    {
        var series = Noise(seed: 3, count: 1000).Select(e => 20 + e).ToArray();

        Mser5.Truncate(series).TruncatedPoints.Should().BeLessThan(100);
    }

    [Test]
    public void A_trend_that_never_settles_reaches_the_search_limit()
    {
        var series = Enumerable.Range(0, 400).Select(t => (double)t).ToArray();

        var result = Mser5.Truncate(series);

        result.AtSearchLimit.Should().BeTrue();
        result.TruncatedBatches.Should().Be(40, "the search stops at half of the 80 batches");
    }

    [Test]
    public void Too_short_a_series_is_refused()
    {
        FluentActions.Invoking(() => Mser5.Truncate(new double[19])).Should().Throw<ArgumentException>().WithMessage("*at least 20 points*");
    }

    private static double[] Noise(long seed, int count)
    {
        var random = RandomStream.For(seed, 0, 0, StreamPurpose.Work);
        return Enumerable.Range(0, count).Select(_ => Normal.Sample(random, 0, 1)).ToArray();
    }
}
