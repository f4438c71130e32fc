using ServerlessSim.Engine;
using ServerlessSim.Metrics;

namespace ServerlessSim.Platform.Pool;

/// <summary>Where a request waits when no ready instance of its pool can take it: a new instance, a front queue, or nowhere.</summary>
/// <remarks>Created by <see cref="PoolStrategies.CreateWaiting"/> from the policy's <see cref="Policies.Waiting.WaitingOptions"/>.</remarks>
internal interface IWaitingRule
{
    /// <summary>Requests waiting in the rule's own queue (not bound to an instance).</summary>
    int Queued { get; }

    /// <summary>The request waits (null), or is rejected (why).</summary>
    ThrottleReason? Wait(Simulator simulator, double now, int token, in CallerRequest work);

    /// <summary>Instance <paramref name="code"/> has free slots: one request ended, or (<paramref name="cold"/>) it has just become ready.</summary>
    void OnSlotsFree(Simulator simulator, int code, double now, bool cold);

    /// <summary>Handles the rule's own events; false if <paramref name="kind"/> is not one of them.</summary>
    bool TryHandle(Simulator simulator, int kind, double now);
}
