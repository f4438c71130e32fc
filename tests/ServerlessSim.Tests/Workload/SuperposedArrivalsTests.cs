using ServerlessSim.Engine;
using ServerlessSim.Workload;
using static ServerlessSim.Tests.Workload.ArrivalStatistics;

namespace ServerlessSim.Tests.Workload;

public class SuperposedArrivalsTests
{
    [Test]
    public void Deterministic_components_merge_in_time_order()
    {
        var process = ArrivalProcess.Superpose(
            ArrivalProcess.Constant(2),
            ArrivalProcess.FromTimestamps([0.75, 0.1, 3]),
            ArrivalProcess.Constant(0));

        // 0.5, 1, 1.5 from the constant; 0.1, 0.75 from the trace; the empty component never arrives.
        Arrivals(process, 1.6).Should().Equal(0.1, 0.5, 0.75, 1.0, 1.5);
        process.ExpectedArrivals(0, 4).Should().Be(8 + 3);
    }

    /// <remarks>
    /// Poisson at 30 req/s plus an on/off source (long-run 20 req/s): counts over a window are i.i.d. across
    /// replications, with mean 50 x window; checked within Z = 3.29 standard errors estimated from 300 replications.
    /// </remarks>
    [Test]
    public void The_merged_rate_is_the_sum_of_the_component_rates()
    {
        var process = ArrivalProcess.Superpose(
            ArrivalProcess.Poisson(30),
            ArrivalProcess.OnOff(100, SimDuration.FromSeconds(1), SimDuration.FromSeconds(4)));
        const double window = 60;

        var counts = Enumerable.Range(0, 300).Select(r => (double)Arrivals(process, window, seed: 2, replication: r).Count).ToArray();
        var (mean, variance) = MeanAndVariance(counts);

        process.MeanRate(SimDuration.FromSeconds(window)).Should().BeApproximately(50, 1e-9);
        mean.Should().BeApproximately(50 * window, Z * Math.Sqrt(variance / counts.Length));
        process.Describe().Should().StartWith("superposition of 2: poisson 30 req/s + markov-modulated");
    }

    [Test]
    public void A_superposition_needs_a_component()
    {
        FluentActions.Invoking(() => ArrivalProcess.Superpose()).Should().Throw<ArgumentException>().WithMessage("*at least one component*");
    }
}
