using ServerlessSim.Metrics;

namespace ServerlessSim.Platform.Pool;

/// <summary>One group of a function's instances: on demand, or provisioned in advance (Lambda's provisioned concurrency).</summary>
/// <remarks>
/// Each group has its own slots, CPUs and billing meter; a request names its instance by a code, the slot on demand
/// and its complement (~slot, negative) if provisioned (<see cref="CodeOf"/>). Per slot the group keeps the head of
/// the instance's list of bound requests (linked through <see cref="PoolRequests"/>), the memory they hold, whether
/// it leaves once initialised, and its account-wide id for CPU events.
/// </remarks>
internal sealed class InstanceGroup
{
    public InstanceGroup(int maxConcurrentPerInstance, ProcessorSharingCpu? cpu, BillingMeter billing, bool provisioned, bool instanceView)
    {
        Pool = new InstancePool(maxConcurrentPerInstance);
        Cpu = cpu;
        Billing = billing;
        Provisioned = provisioned;
        View = instanceView ? new AvailableInstances() : null;
    }

    public InstancePool Pool { get; }

    /// <summary>The instances' shared CPUs; null when each request runs alone on its instance.</summary>
    public ProcessorSharingCpu? Cpu { get; }

    public BillingMeter Billing { get; }

    public bool Provisioned { get; }

    /// <summary>The instances that can take a request, one by one, for dispatch rules that pick an instance; null where only load groups are shown.</summary>
    public AvailableInstances? View { get; }

    /// <summary>Per instance, its newest bound request (<see cref="PoolRequests.None"/> if none).</summary>
    public int[] Head { get; private set; } = [];

    /// <summary>Per instance, the memory its requests hold, in MB.</summary>
    public double[] MemoryInUseMb { get; private set; } = [];

    /// <summary>Per instance, whether it leaves once initialised (a provisioned environment no longer wanted).</summary>
    public bool[] RetireWhenReady { get; private set; } = [];

    /// <summary>Per instance, its account-wide id for CPU events (registered in slot order, once).</summary>
    public int[] InstanceIds { get; private set; } = [];

    public int RegisteredInstances { get; set; }

    /// <summary>Instances withdrawn (finishing their requests, then gone).</summary>
    public int Withdrawn { get; set; }

    /// <summary>The code a request holds for instance <paramref name="slot"/> of this group.</summary>
    public int CodeOf(int slot) => Provisioned ? ~slot : slot;

    /// <summary>A new instance's slot, its side tables reset.</summary>
    public int StartNew()
    {
        var slot = Pool.StartNew();
        if (slot >= Head.Length)
        {
            var size = Math.Max(16, Math.Max(slot + 1, Head.Length * 2));
            var (heads, memory, retire, ids) = (Head, MemoryInUseMb, RetireWhenReady, InstanceIds);
            Array.Resize(ref heads, size);
            Array.Resize(ref memory, size);
            Array.Resize(ref retire, size);
            Array.Resize(ref ids, size);
            (Head, MemoryInUseMb, RetireWhenReady, InstanceIds) = (heads, memory, retire, ids);
        }

        Head[slot] = PoolRequests.None;
        MemoryInUseMb[slot] = 0;
        RetireWhenReady[slot] = false;
        return slot;
    }

    /// <summary>Puts <paramref name="request"/> at the head of instance <paramref name="slot"/>'s list.</summary>
    public void Link(PoolRequests requests, int request, int slot)
    {
        var head = Head[slot];
        requests.Prev[request] = PoolRequests.None;
        requests.Next[request] = head;
        if (head != PoolRequests.None)
        {
            requests.Prev[head] = request;
        }

        Head[slot] = request;
    }

    public void Unlink(PoolRequests requests, int request, int slot)
    {
        var (prev, next) = (requests.Prev[request], requests.Next[request]);
        if (prev == PoolRequests.None)
        {
            Head[slot] = next;
        }
        else
        {
            requests.Next[prev] = next;
        }

        if (next != PoolRequests.None)
        {
            requests.Prev[next] = prev;
        }
    }

    /// <summary>Brings the instance view up to date for <paramref name="slot"/> (no-op without one).</summary>
    public void SyncAvailable(int slot)
    {
        if (View is null)
        {
            return;
        }

        var state = Pool.StateOf(slot);
        View.Set(slot, state is InstanceState.Idle or InstanceState.Busy && !Pool.IsWithdrawn(slot) && Pool.LoadOf(slot) < Pool.MaxConcurrent);
    }
}
