using ServerlessSim.Platform;

namespace ServerlessSim.Tests.Platform;

/// <summary>What autoscaled pools add to the pool: draining a busy instance, and removing one with its requests.</summary>
public class InstancePoolWithdrawTests
{
    [Test]
    public void A_withdrawn_instance_finishes_its_requests_takes_no_more_and_is_then_removed()
    {
        var pool = new InstancePool(maxConcurrentPerInstance: 4);
        var a = pool.StartNew();
        pool.MarkReady(a, 0);
        pool.Bind(a, 1);
        pool.Bind(a, 1);

        pool.Withdraw(a);
        pool.IsWithdrawn(a).Should().BeTrue();
        pool.Ready.LowestNonEmpty().Should().Be(-1, "it is offered to no one");
        pool.UnbindWithdrawn(a, 2).Should().BeFalse();
        pool.UnbindWithdrawn(a, 3).Should().BeTrue("its last request finished");
        pool.Ready.LowestNonEmpty().Should().Be(-1, "idle, but still not offered");
        (pool.Live, pool.Busy, pool.Idle).Should().Be((1, 0, 1));

        pool.Remove(a);
        (pool.Live, pool.Busy).Should().Be((0, 0));
        pool.IsWithdrawn(pool.StartNew()).Should().BeFalse("the reused slot starts afresh");
    }

    [Test]
    public void A_busy_instance_can_be_removed_with_its_requests_and_only_a_ready_one_can_be()
    {
        var pool = new InstancePool(maxConcurrentPerInstance: 4);
        var a = pool.StartNew();
        var b = pool.StartNew();
        pool.MarkReady(a, 0);
        pool.Bind(a, 1);

        pool.Remove(a);
        (pool.Live, pool.Busy, pool.Initializing).Should().Be((1, 0, 1));
        pool.Ready.LowestNonEmpty().Should().Be(-1);
        FluentActions.Invoking(() => pool.Remove(b)).Should().Throw<InvalidOperationException>().WithMessage("*Initializing*");
        FluentActions.Invoking(() => pool.Withdraw(b)).Should().Throw<InvalidOperationException>();
    }
}
