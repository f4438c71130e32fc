using ServerlessSim.Engine;
using ServerlessSim.Workload;
using static ServerlessSim.Tests.Workload.ArrivalStatistics;

namespace ServerlessSim.Tests.Workload;

/// <remarks>
/// Thinning must give a Poisson process with intensity rate(t): counts in disjoint bins are independent Poisson
/// with mean the integral of the rate over the bin, so Pearson's statistic over K bins is below the 99.9% point
/// of chi-square(K); and the time-rescaled gaps are Exp(1) (mean 1 +- Z / sqrt(n), variance 1 +- Z sqrt(8 / n)).
/// </remarks>
public class ThinnedArrivalsTests
{
    private const double Day = 86_400;

    [Test]
    public void A_sinusoid_has_the_integral_of_its_rate_in_every_hour()
    {
        var process = ArrivalProcess.Sinusoidal(2, 1.5, peak: SimDuration.FromSeconds(14 * 3600));
        var times = Arrivals(process, Day, seed: 8);

        process.ExpectedArrivals(0, Day).Should().BeApproximately(2 * Day, 1e-6);
        times.Count.Should().BeCloseTo((int)(2 * Day), (uint)(Z * Math.Sqrt(2 * Day)));
        ChiSquare(Binned(times, Day, 24), process, Day).Should().BeLessThan(ChiSquareLimit(24));
        ShouldRescaleToUnitExponentials(process, times);
    }

    [Test]
    public void A_sinusoid_peaks_where_asked_and_integrates_in_closed_form()
    {
        var process = ArrivalProcess.Sinusoidal(100, 60, SimDuration.FromSeconds(1_000), SimDuration.FromSeconds(250));

        process.RateAt(250).Should().BeApproximately(160, 1e-9);
        process.RateAt(750).Should().BeApproximately(40, 1e-9);
        process.MaxRatePerSecond.Should().Be(160);

        // The first quarter period after the peak: 100 x 250 + 60 x 1000 / (2 pi) x sin(pi / 2).
        process.ExpectedArrivals(250, 500).Should().BeApproximately(25_000 + (60_000 / (2 * Math.PI)), 1e-6);
        FluentActions.Invoking(() => ArrivalProcess.Sinusoidal(10, 11)).Should().Throw<ArgumentException>().WithMessage("*amplitude*11*");
    }

    [TestCase(ProfileInterpolation.Step)]
    [TestCase(ProfileInterpolation.Linear)]
    public void An_hourly_profile_has_the_integral_of_its_rate_in_every_half_hour(ProfileInterpolation interpolation)
    {
        double[] rates = [1, 1, 1, 1, 1, 2, 4, 6, 8, 8, 8, 8, 8, 8, 8, 8, 8, 6, 4, 3, 2, 2, 1, 1];
        var process = ArrivalProcess.HourlyProfile(rates, interpolation);
        var times = Arrivals(process, 2 * Day, seed: 12);

        var perDay = 3_600 * rates.Sum();
        process.ExpectedArrivals(0, 2 * Day).Should().BeApproximately(2 * perDay, 1e-6);
        times.Count.Should().BeCloseTo((int)(2 * perDay), (uint)(Z * Math.Sqrt(2 * perDay)));
        ChiSquare(Binned(times, 2 * Day, 96), process, 2 * Day).Should().BeLessThan(ChiSquareLimit(96));
        ShouldRescaleToUnitExponentials(process, times);
    }

    [Test]
    public void Linear_interpolation_passes_through_the_middle_of_each_hour_and_wraps_at_midnight()
    {
        var rates = Enumerable.Range(0, 24).Select(h => (double)h).ToArray();
        var process = ArrivalProcess.HourlyProfile(rates, ProfileInterpolation.Linear);

        process.RateAt((5 * 3600) + 1800).Should().BeApproximately(5, 1e-12);
        process.RateAt(6 * 3600).Should().BeApproximately(5.5, 1e-12);
        process.RateAt(0).Should().BeApproximately(11.5, 1e-12);
        process.RateAt(Day + 1800).Should().BeApproximately(0, 1e-12);
        ArrivalProcess.HourlyProfile(rates).RateAt((5 * 3600) + 3599).Should().Be(5);
        FluentActions.Invoking(() => ArrivalProcess.HourlyProfile([1, 2, 3])).Should().Throw<ArgumentException>().WithMessage("*24 rates*3 given*");
    }

    private static void ShouldRescaleToUnitExponentials(ArrivalProcess process, List<double> times)
    {
        var (mean, variance) = MeanAndVariance(RescaledGaps(process, times));
        mean.Should().BeApproximately(1, Z / Math.Sqrt(times.Count));
        variance.Should().BeApproximately(1, Z * Math.Sqrt(8.0 / times.Count));
    }
}
