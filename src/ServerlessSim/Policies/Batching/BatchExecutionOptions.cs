using ServerlessSim.Engine;

namespace ServerlessSim.Policies.Batching;

/// <summary>How the handler works through the messages of one batch; each message's own work (CPU demand, IO wait) is the function's work profile.</summary>
public enum BatchExecutionKind
{
    /// <summary>One message after another: CPU = the sum of the messages' CPU demands, IO = the sum of their IO waits.</summary>
    Sequential,

    /// <summary>
    /// All messages at once inside the handler (e.g. <c>Promise.all</c>): their CPU demands share the environment's
    /// vCPUs (processor sharing, each message at most one vCPU), and their IO waits overlap, so the IO part is the
    /// longest message's IO wait. E.g. 10 messages of 10 ms CPU and 150 ms IO on 0.579 vCPU: 100 / 0.579 = 173 ms of
    /// CPU, then 150 ms of IO, 323 ms in all (one after another: 173 + 1,500 = 1,673 ms).
    /// </summary>
    Concurrent,

    /// <summary>
    /// A fixed overhead per invocation (<see cref="BatchExecutionOptions.OverheadCpu"/>, then
    /// <see cref="BatchExecutionOptions.OverheadIo"/>: e.g. opening a connection, one bulk write), then each message's
    /// own work one after another.
    /// </summary>
    OverheadPlusPerItem,
}

/// <summary>How one invocation's duration follows from the messages of its batch.</summary>
/// <param name="Kind">The execution model.</param>
/// <param name="OverheadCpu">With <see cref="BatchExecutionKind.OverheadPlusPerItem"/>, CPU demanded once per invocation (seconds on one full vCPU).</param>
/// <param name="OverheadIo">With <see cref="BatchExecutionKind.OverheadPlusPerItem"/>, IO waited once per invocation.</param>
public sealed record BatchExecutionOptions(
    BatchExecutionKind Kind = BatchExecutionKind.Sequential,
    SimDuration OverheadCpu = default,
    SimDuration OverheadIo = default)
{
    /// <summary>One message after another, no overhead: the default.</summary>
    public static BatchExecutionOptions Sequential { get; } = new();

    /// <summary>All messages at once in the handler, sharing the vCPUs, their IO overlapped.</summary>
    public static BatchExecutionOptions Concurrent { get; } = new(BatchExecutionKind.Concurrent);

    /// <summary>A fixed overhead per invocation (<paramref name="cpu"/> of CPU, then <paramref name="io"/> of IO), then each message one after another.</summary>
    public static BatchExecutionOptions OverheadPlusPerItem(SimDuration cpu, SimDuration io) => new(BatchExecutionKind.OverheadPlusPerItem, cpu, io);
}
