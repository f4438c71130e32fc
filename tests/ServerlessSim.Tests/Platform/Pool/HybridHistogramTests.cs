using ServerlessSim.Engine;
using ServerlessSim.Platform;
using ServerlessSim.Platform.Pool;
using ServerlessSim.Policies.KeepAlive;

namespace ServerlessSim.Tests.Platform.Pool;

public class HybridHistogramTests
{
    [Test]
    public void Until_enough_idle_times_are_recorded_the_fallback_keep_alive_applies()
    {
        var histogram = new HybridHistogram(HybridHistogramKeepAlive.Paper);
        for (var i = 0; i < 9; i++)
        {
            histogram.Record(30 * 60 + 5);
        }

        histogram.Windows().Should().Be((0.0, 240 * 60.0), "9 of the 10 observations needed: keep for the 4-hour range");
    }

    [Test]
    public void Idle_times_in_one_bin_set_a_pre_warm_at_the_head_less_10_percent_and_a_keep_alive_to_the_tail_plus_10_percent()
    {
        // All in the 30th minute (bin 30): head 30 min, tail 31 min; pre-warm at 27 min, kept until 34.1 min.
        var histogram = new HybridHistogram(HybridHistogramKeepAlive.Paper);
        for (var i = 0; i < 10; i++)
        {
            histogram.Record((30 * 60) + 20);
        }

        var (prewarm, keepAlive) = histogram.Windows();
        prewarm.Should().BeApproximately(27 * 60, 1e-9);
        (prewarm + keepAlive).Should().BeApproximately(31 * 60 * 1.1, 1e-9);
    }

    [Test]
    public void Idle_times_spread_evenly_are_not_representative()
    {
        // One idle time in each minute bin: a coefficient of variation of 0, below the threshold of 2.
        var histogram = new HybridHistogram(HybridHistogramKeepAlive.Paper);
        for (var minute = 0; minute < 240; minute++)
        {
            histogram.Record((minute * 60) + 1);
        }

        histogram.Windows().Should().Be((0.0, 240 * 60.0));
    }

    [Test]
    public void Mostly_out_of_bounds_idle_times_fall_back()
    {
        var options = HybridHistogramKeepAlive.Paper with { FallbackKeepAlive = SimDuration.FromMinutes(10) };
        var histogram = new HybridHistogram(options);
        for (var i = 0; i < 20; i++)
        {
            histogram.Record(i % 3 == 0 ? 60 : 5 * 3600);
        }

        histogram.Windows().Should().Be((0.0, 600.0), "two thirds of the idle times are beyond the 4-hour range");
    }
}
