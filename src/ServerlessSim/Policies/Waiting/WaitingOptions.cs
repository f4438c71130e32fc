using ServerlessSim.Engine;

namespace ServerlessSim.Policies.Waiting;

/// <summary>Where a request waits when no ready instance has a free slot.</summary>
public enum WaitingKind
{
    /// <summary>
    /// Bound to an instance that is starting (a new one if none has room): AWS Lambda's cold start on the request
    /// path. Throttled if no instance may start.
    /// </summary>
    NewInstance,

    /// <summary>
    /// Buffered in a front queue (Knative's activator, Cloud Run's pending requests) in arrival order, and served by
    /// the first slot to free up or instance to become ready; it times out after <see cref="WaitingOptions.Timeout"/>
    /// and is rejected when the queue holds <see cref="WaitingOptions.Capacity"/> requests.
    /// </summary>
    FrontQueue,

    /// <summary>Rejected at once (throttled), as Lambda Managed Instances do while capacity scales up.</summary>
    Reject,
}

/// <summary>Where a request waits when no ready instance has a free slot, and for how long.</summary>
/// <param name="Kind">The rule.</param>
/// <param name="Timeout">With a front queue, the longest a request waits before it times out; <see cref="SimDuration.Infinite"/> for no limit.</param>
/// <param name="Capacity">With a front queue, the most requests it holds (an arrival finding it full is rejected); null for no limit.</param>
public sealed record WaitingOptions(WaitingKind Kind, SimDuration Timeout, int? Capacity = null)
{
    /// <summary>Bound to a new instance, as AWS Lambda.</summary>
    public static WaitingOptions NewInstance { get; } = new(WaitingKind.NewInstance, SimDuration.Infinite);

    /// <summary>Rejected at once.</summary>
    public static WaitingOptions Reject { get; } = new(WaitingKind.Reject, SimDuration.Infinite);

    /// <summary>A front queue whose requests time out after <paramref name="timeout"/>, holding at most <paramref name="capacity"/> (null: no limit).</summary>
    public static WaitingOptions FrontQueue(SimDuration timeout, int? capacity = null) => new(WaitingKind.FrontQueue, timeout, capacity);

    /// <summary>The capacity as a number: <see cref="Capacity"/>, or <see cref="int.MaxValue"/> for none.</summary>
    public int EffectiveCapacity => Capacity ?? int.MaxValue;
}
