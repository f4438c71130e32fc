using ServerlessSim.Policies.Scaling;

namespace ServerlessSim.Tests.Policies;

public class ScalingMetricsWindowTests
{
    [Test]
    public void Averages_are_exact_time_averages_over_the_window()
    {
        var window = new ScalingMetricsWindow(60);
        window.Advance(0.5, 10, 1);
        window.Advance(1, 20, 3);
        window.Advance(10, 0, 0);

        window.AverageConcurrency(10, 1).Should().BeApproximately(0, 1e-12);
        window.AverageConcurrency(10, 10).Should().BeApproximately(1.5, 1e-12, "(0.5 x 10 + 0.5 x 20) / 10");
        window.AverageBusyVCpus(10, 10).Should().BeApproximately(0.2, 1e-12, "(0.5 x 1 + 0.5 x 3) / 10");
        window.AverageConcurrency(10, 60).Should().BeApproximately(1.5, 1e-12, "only 10 s have passed: averaged over those");
    }

    [Test]
    public void Old_buckets_fall_out_of_the_window_and_long_quiet_stretches_are_one_pass()
    {
        var window = new ScalingMetricsWindow(60);
        window.Advance(30, 100, 0);
        window.Advance(90, 0, 0);
        window.AverageConcurrency(90, 60).Should().Be(0);

        window.Advance(1_000_000, 7, 0);
        window.AverageConcurrency(1_000_000, 60).Should().BeApproximately(7, 1e-9);
        window.AverageConcurrency(1_000_000, 6).Should().BeApproximately(7, 1e-9);
    }

    [Test]
    public void A_window_starting_inside_a_second_takes_its_share_of_that_second()
    {
        var window = new ScalingMetricsWindow(60);
        window.Advance(10, 0, 0);
        window.Advance(11, 60, 0);
        window.Advance(11.5, 0, 0);

        // The last 6 s, [5.5, 11.5]: 60 request-seconds in [10, 11].
        window.AverageConcurrency(11.5, 6).Should().BeApproximately(10, 1e-12);
    }

    [Test]
    public void Misuse_is_refused()
    {
        var window = new ScalingMetricsWindow(60);
        window.Advance(5, 1, 0);

        FluentActions.Invoking(() => window.Advance(4, 1, 0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => window.AverageConcurrency(5, 61)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => window.AverageConcurrency(6, 6)).Should().Throw<InvalidOperationException>();
    }
}
