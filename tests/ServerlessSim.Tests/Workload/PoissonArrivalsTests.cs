using ServerlessSim.Engine;
using ServerlessSim.Workload;
using static ServerlessSim.Tests.Workload.ArrivalStatistics;

namespace ServerlessSim.Tests.Workload;

/// <remarks>
/// A Poisson process at rate lambda has N(T) ~ Poisson(lambda T): mean and variance lambda T. Its gaps are Exp(lambda):
/// mean 1/lambda, variance 1/lambda^2, and the sample variance of n of them has standard error sqrt(8/n)/lambda^2
/// (the central fourth moment of an exponential is 9/lambda^4). Tolerances are Z = 3.29 standard errors (99.9%).
/// </remarks>
public class PoissonArrivalsTests
{
    [Test]
    public void Count_and_gaps_of_a_homogeneous_Poisson_process_match_theory()
    {
        const double rate = 50, horizon = 2_000;
        var process = ArrivalProcess.Poisson(rate);
        var times = Arrivals(process, horizon, seed: 21);

        var expected = rate * horizon;
        times.Count.Should().BeCloseTo((int)expected, (uint)(Z * Math.Sqrt(expected)));

        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToArray();
        var (mean, variance) = MeanAndVariance(gaps);
        mean.Should().BeApproximately(1 / rate, Z * (1 / rate) / Math.Sqrt(gaps.Length));
        variance.Should().BeApproximately(1 / (rate * rate), Z * Math.Sqrt(8.0 / gaps.Length) / (rate * rate));
    }

    [Test]
    public void A_spike_schedule_rescales_to_unit_exponential_gaps()
    {
        var process = ArrivalProcess.Spike(100, 800, SimDuration.FromSeconds(30), SimDuration.FromSeconds(6));
        var times = Arrivals(process, 60, seed: 4);

        var expected = process.ExpectedArrivals(0, 60);
        expected.Should().Be((54 * 100) + (6 * 800));
        times.Count.Should().BeCloseTo((int)expected, (uint)(Z * Math.Sqrt(expected)));
        var (mean, variance) = MeanAndVariance(RescaledGaps(process, times));
        mean.Should().BeApproximately(1, Z / Math.Sqrt(times.Count));
        variance.Should().BeApproximately(1, Z * Math.Sqrt(8.0 / times.Count));
    }

    [Test]
    public void Mean_rate_is_the_expected_count_over_the_horizon()
    {
        var builtInSpike = ArrivalProcess.Spike(1000, 8000, SimDuration.FromSeconds(300), SimDuration.FromSeconds(60));

        builtInSpike.MeanRate(SimDuration.FromSeconds(1200)).Should().Be(((1140 * 1000) + (60 * 8000)) / 1200.0);
        builtInSpike.ProcessName.Should().Be("poisson");
        ArrivalProcess.Constant(3).ProcessName.Should().Be("constant");
        FluentActions.Invoking(() => builtInSpike.MeanRate(SimDuration.Zero)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
