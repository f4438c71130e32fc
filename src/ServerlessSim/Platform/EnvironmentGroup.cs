using ServerlessSim.Metrics;

namespace ServerlessSim.Platform;

/// <summary>One group of a function's environments under per-request scaling: on demand, or provisioned in advance.</summary>
/// <remarks>
/// Each group has its own slots, CPUs and billing meter; an invocation names its environment by a code: the slot
/// for on-demand environments, its complement (~slot, negative) for provisioned ones (<see cref="CodeOf"/>).
/// </remarks>
internal sealed class EnvironmentGroup
{
    public const int NoInvocation = -1;

    public EnvironmentGroup(int maxConcurrentPerInstance, double vCpus, BillingMeter billing, bool provisioned)
    {
        Pool = new InstancePool(maxConcurrentPerInstance);
        Cpu = maxConcurrentPerInstance > 1 ? new ProcessorSharingCpu(vCpus) : null;
        Billing = billing;
        Provisioned = provisioned;
    }

    public InstancePool Pool { get; }

    /// <summary>The environments' shared CPUs, with many invocations per environment; null with one.</summary>
    public ProcessorSharingCpu? Cpu { get; }

    public BillingMeter Billing { get; }

    public bool Provisioned { get; }

    /// <summary>Per environment, the first invocation waiting for it to initialise (linked through the table's NextWaiting).</summary>
    public int[] WaitingHead { get; private set; } = new int[16];

    /// <summary>Per environment, whether it leaves once initialised (a provisioned environment no longer wanted).</summary>
    public bool[] RetireWhenReady { get; private set; } = new bool[16];

    /// <summary>Per environment slot, its account-wide id for CPU events (registered in slot order, once).</summary>
    public int[] InstanceIds { get; private set; } = new int[16];

    public int RegisteredInstances { get; set; }

    /// <summary>Environments withdrawn (finishing their requests, then gone).</summary>
    public int Withdrawn { get; set; }

    /// <summary>The code an invocation holds for environment <paramref name="slot"/> of this group.</summary>
    public int CodeOf(int slot) => Provisioned ? ~slot : slot;

    /// <summary>Makes room for environment <paramref name="slot"/>.</summary>
    public void EnsureSlot(int slot)
    {
        if (slot >= WaitingHead.Length)
        {
            var size = Math.Max(slot + 1, WaitingHead.Length * 2);
            var heads = WaitingHead;
            Array.Resize(ref heads, size);
            WaitingHead = heads;
            var retire = RetireWhenReady;
            Array.Resize(ref retire, size);
            RetireWhenReady = retire;
        }
    }

    /// <summary>Makes room for environment slot <paramref name="slot"/>'s account-wide id.</summary>
    public void EnsureInstanceId(int slot)
    {
        if (slot >= InstanceIds.Length)
        {
            var ids = InstanceIds;
            Array.Resize(ref ids, Math.Max(slot + 1, ids.Length * 2));
            InstanceIds = ids;
        }
    }
}
