using ServerlessSim.Engine;
using ServerlessSim.Workload;
using static ServerlessSim.Tests.Workload.ArrivalStatistics;

namespace ServerlessSim.Tests.Workload;

public class ReplayedArrivalsTests
{
    [Test]
    public void A_trace_replays_its_sorted_timestamps_then_stops()
    {
        var process = ArrivalProcess.FromTimestamps([5, 0.5, 2, 2]);

        Arrivals(process, double.PositiveInfinity).Should().Equal(0.5, 2, 2, 5);
        process.ExpectedArrivals(1, 5).Should().Be(2);
        process.ExpectedArrivals(0, 100).Should().Be(4);
        FluentActions.Invoking(() => new TraceArrivals([1, 0.5])).Should().Throw<ArgumentException>().WithMessage("*sorted*");
        FluentActions.Invoking(() => ArrivalProcess.FromTimestamps([-1])).Should().Throw<ArgumentException>().WithMessage("*-1*");
    }

    [TestCase(WithinBinSpread.Uniform)]
    [TestCase(WithinBinSpread.EvenlySpaced)]
    public void Binned_counts_are_reproduced_exactly(WithinBinSpread spread)
    {
        int[] counts = [3, 0, 1, 1_000, 0, 0, 7];
        var process = ArrivalProcess.FromBinnedCounts(counts, SimDuration.FromSeconds(60), spread);

        var times = Arrivals(process, double.PositiveInfinity, seed: 6);

        times.Should().BeInAscendingOrder();
        times.Select(t => (int)Math.Floor(t / 60)).GroupBy(b => b).ToDictionary(g => g.Key, g => g.Count())
            .Should().Equal(new Dictionary<int, int> { [0] = 3, [2] = 1, [3] = 1_000, [6] = 7 });
        process.ExpectedArrivals(30, 150).Should().Be(1.5 + 0.5);
        process.TotalCount.Should().Be(1_011);
    }

    [Test]
    public void Evenly_spaced_arrivals_are_centred_in_their_bin()
    {
        var process = ArrivalProcess.FromBinnedCounts([2, 0, 4], SimDuration.FromSeconds(60), WithinBinSpread.EvenlySpaced);

        Arrivals(process, double.PositiveInfinity).Should().Equal(15, 45, 127.5, 142.5, 157.5, 172.5);
    }

    /// <remarks>Uniform placement: the position within the bin is uniform, so its mean over n arrivals is 30 s +- Z x 60 / sqrt(12 n).</remarks>
    [Test]
    public void Uniform_placement_is_uniform_within_the_bin()
    {
        var process = ArrivalProcess.FromBinnedCounts(Enumerable.Repeat(50, 200).ToArray(), SimDuration.FromSeconds(60));
        var offsets = Arrivals(process, double.PositiveInfinity, seed: 10).Select(t => t % 60).ToArray();

        offsets.Average().Should().BeApproximately(30, Z * 60 / Math.Sqrt(12.0 * offsets.Length));
        ChiSquare(Binned(offsets, 60, 12), ArrivalProcess.Poisson(offsets.Length / 60.0), 60).Should().BeLessThan(ChiSquareLimit(12));
    }

    /// <remarks>Poisson spreading: the total over B bins of count c is Poisson(B c), within Z sqrt(B c).</remarks>
    [Test]
    public void Poisson_spreading_varies_the_counts_around_the_recorded_ones()
    {
        var process = ArrivalProcess.FromBinnedCounts(Enumerable.Repeat(20, 500).ToArray(), SimDuration.FromSeconds(60), WithinBinSpread.Poisson);
        var times = Arrivals(process, double.PositiveInfinity, seed: 14);

        times.Count.Should().BeCloseTo(10_000, (uint)(Z * Math.Sqrt(10_000)));
        var perBin = Binned(times, 500 * 60, 500);
        perBin.Should().Contain(c => c != 20);
        var (_, variance) = MeanAndVariance(perBin.Select(c => (double)c).ToArray());
        // The sample variance of 500 Poisson(20) counts has standard error sqrt((mu4 - sigma^4) / n) = sqrt((20 + 2 x 20^2) / 500).
        variance.Should().BeApproximately(20, Z * Math.Sqrt((20 + (2 * 20 * 20)) / 500.0));
    }
}
