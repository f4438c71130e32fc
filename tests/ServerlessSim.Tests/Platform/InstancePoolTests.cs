using ServerlessSim.Platform;

namespace ServerlessSim.Tests.Platform;

public class InstancePoolTests
{
    [Test]
    public void An_instance_goes_initializing_busy_idle_reclaimed_and_its_slot_is_reused()
    {
        var pool = new InstancePool(maxConcurrentPerInstance: 2);
        var a = pool.StartNew();
        pool.Bind(a, 0);
        pool.StateOf(a).Should().Be(InstanceState.Initializing);
        pool.Starting.CountAt(0).Should().Be(1, "it has a free slot while starting");

        pool.MarkReady(a, 0.3);
        pool.StateOf(a).Should().Be(InstanceState.Busy);
        (pool.Live, pool.Busy, pool.Initializing, pool.Idle).Should().Be((1, 1, 0, 0));

        pool.Unbind(a, 1.0).Should().BeTrue("its last request finished");
        pool.StateOf(a).Should().Be(InstanceState.Idle);
        pool.IdleSince(a).Should().Be(1.0);

        pool.Reclaim(a);
        pool.Live.Should().Be(0);
        pool.StartNew().Should().Be(a, "a reclaimed slot is reused");
    }

    [Test]
    public void A_full_instance_is_offered_to_no_one_until_a_request_finishes()
    {
        var pool = new InstancePool(maxConcurrentPerInstance: 2);
        var a = pool.StartNew();
        pool.Bind(a, 0);
        pool.Bind(a, 0);
        pool.Starting.CountAt(0).Should().Be(0);
        pool.MarkReady(a, 1);

        pool.Ready.LowestNonEmpty().Should().Be(-1);
        pool.Unbind(a, 2).Should().BeFalse();
        pool.Ready.Head(1).Should().Be(a);
        pool.Active.Should().Be(1);
    }
}
