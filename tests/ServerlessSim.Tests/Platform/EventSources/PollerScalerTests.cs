using ServerlessSim.Platform.EventSources;
using ServerlessSim.Policies.Batching;

namespace ServerlessSim.Tests.Platform.EventSources;

public class PollerScalerTests
{
    [Test]
    public void It_starts_at_five_and_adds_300_a_minute_while_messages_wait_up_to_1250()
    {
        var scaler = new PollerScaler(new PollerScalingOptions(), maximumConcurrency: null);
        scaler.Allowed.Should().Be(5);
        scaler.NextIncreaseSeconds.Should().BeApproximately(0.2, 1e-12, "one more batch every 60 / 300 s");

        scaler.Advance(60, backlog: true);
        scaler.Allowed.Should().Be(305);
        scaler.Advance(240, backlog: true);
        scaler.Allowed.Should().Be(1_205);
        scaler.Advance(300, backlog: true);
        scaler.Allowed.Should().Be(1_250);
        scaler.NextIncreaseSeconds.Should().Be(double.PositiveInfinity);
    }

    [Test]
    public void It_falls_back_to_the_initial_concurrency_without_a_backlog()
    {
        var scaler = new PollerScaler(new PollerScalingOptions(), maximumConcurrency: null);
        scaler.Advance(12, backlog: true);
        scaler.Allowed.Should().Be(65);
        scaler.Advance(18, backlog: false);
        scaler.Allowed.Should().Be(35);
        scaler.Advance(600, backlog: false);
        scaler.Allowed.Should().Be(5);
    }

    [TestCase(2, 2)]
    [TestCase(50, 50)]
    [TestCase(null, 1_250)]
    public void Maximum_concurrency_caps_it_and_can_start_it_lower(int? maximumConcurrency, int cap)
    {
        var scaler = new PollerScaler(new PollerScalingOptions(), maximumConcurrency);
        scaler.Allowed.Should().Be(Math.Min(5, cap));
        scaler.Advance(3_600, backlog: true);
        scaler.Allowed.Should().Be(cap);
    }

    [Test]
    public void A_throttle_takes_one_batch_off_but_not_below_the_initial_concurrency()
    {
        var scaler = new PollerScaler(new PollerScalingOptions(), maximumConcurrency: null);
        scaler.Advance(1, backlog: true);
        scaler.Allowed.Should().Be(10);
        scaler.OnThrottle();
        scaler.Allowed.Should().Be(9);
        for (var i = 0; i < 10; i++)
        {
            scaler.OnThrottle();
        }

        scaler.Allowed.Should().Be(5);
    }
}
