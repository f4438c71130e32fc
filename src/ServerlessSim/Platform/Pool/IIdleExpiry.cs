using ServerlessSim.Engine;

namespace ServerlessSim.Platform.Pool;

/// <summary>When a pool's idle on-demand instances are reclaimed: the keep-alive rule.</summary>
/// <remarks>Created by <see cref="PoolStrategies.CreateExpiry"/> from the function's keep-alive and the policy's keep-alive rule.</remarks>
internal interface IIdleExpiry
{
    /// <summary>On-demand instance <paramref name="slot"/> became idle.</summary>
    void OnIdle(Simulator simulator, int slot, double now);

    /// <summary>Instance <paramref name="slot"/> is no longer idle or no longer there: it does not expire.</summary>
    void Forget(int slot);

    /// <summary>A request is admitted while <paramref name="concurrency"/> others are in the pool.</summary>
    void OnInvoked(int concurrency, double now);

    /// <summary>Requests ended; <paramref name="concurrency"/> are left in the pool.</summary>
    void OnRequestsEnded(Simulator simulator, int concurrency, double now);

    /// <summary>Handles the rule's own events; false if <paramref name="kind"/> is not one of them.</summary>
    bool TryHandle(Simulator simulator, int kind, int tag, double now);
}
