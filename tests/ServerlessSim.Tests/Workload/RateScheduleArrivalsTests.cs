using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Workload;

public class RateScheduleArrivalsTests
{
    [Test]
    public void Constant_arrivals_are_evenly_spaced_and_follow_rate_changes()
    {
        var process = ArrivalProcess.Scheduled(ArrivalKind.Constant, [new(0, 2), new(3, 10)]);
        var generator = process.CreateStream(RandomStream.For(1, 0, 0, StreamPurpose.Arrivals));

        var times = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            times.Add(generator.Next());
        }

        // 0.5, 1.0, ..., 3.0 at 2 req/s (cumulative 6 at 3 s); from 3 s at 10 req/s: 3 + 1/10, 3 + 2/10.
        times.Should().Equal(0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3 + (1 / 10.0), 3 + (2 / 10.0));
    }

    [Test]
    public void A_zero_rate_segment_is_a_pause_and_a_final_zero_rate_ends_arrivals()
    {
        var process = ArrivalProcess.Scheduled(ArrivalKind.Constant, [new(0, 1), new(1.5, 0), new(10, 1), new(12, 0)]);
        var generator = process.CreateStream(RandomStream.For(1, 0, 0, StreamPurpose.Arrivals));

        var t1 = generator.Next();
        var t2 = generator.Next();
        var t3 = generator.Next();
        var t4 = generator.Next();

        // 1 s; then half a unit of work remains at 1.5 s, carried over the pause to 10 s: 10.5 s; 11.5 s; then never.
        t1.Should().BeApproximately(1, 1e-12);
        t2.Should().BeApproximately(10.5, 1e-12);
        t3.Should().BeApproximately(11.5, 1e-12);
        t4.Should().Be(double.PositiveInfinity);
    }

    /// <remarks>
    /// Counts of a Poisson process over disjoint stretches are Poisson: in 200 one-second windows at 1,000 req/s
    /// before and 8,000 req/s after a step, the mean count per window has standard error sqrt(rate / 200), and
    /// the sample must land within 4 standard errors (a 99.99% band).
    /// </remarks>
    [Test]
    public void Poisson_counts_follow_the_piecewise_rate()
    {
        var process = ArrivalProcess.Scheduled(ArrivalKind.Poisson, [new(0, 1000), new(200, 8000)]);
        var generator = process.CreateStream(RandomStream.For(3, 0, 0, StreamPurpose.Arrivals));
        long before = 0, after = 0;
        for (var t = generator.Next(); t < 400; t = generator.Next())
        {
            if (t < 200)
            {
                before++;
            }
            else
            {
                after++;
            }
        }

        (before / 200.0).Should().BeApproximately(1000, 4 * Math.Sqrt(1000 / 200.0));
        (after / 200.0).Should().BeApproximately(8000, 4 * Math.Sqrt(8000 / 200.0));
        process.ExpectedArrivals(100, 300).Should().Be((100 * 1000) + (100 * 8000));
    }

    [Test]
    public void A_schedule_must_start_at_zero_and_increase()
    {
        FluentActions.Invoking(() => ArrivalProcess.Scheduled(ArrivalKind.Poisson, [new(1, 5)])).Should().Throw<ArgumentException>().WithMessage("*0 s*");
        FluentActions.Invoking(() => ArrivalProcess.Scheduled(ArrivalKind.Poisson, [new(0, 5), new(0, 6)])).Should().Throw<ArgumentException>().WithMessage("*increase*");
        FluentActions.Invoking(() => ArrivalProcess.Poisson(-1)).Should().Throw<ArgumentException>().WithMessage("*-1*");
    }
}
