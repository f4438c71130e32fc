using ServerlessSim.Engine;

namespace ServerlessSim.Platform.Pool;

/// <summary>How a pool's instances are added and removed: per request (Lambda), or by an autoscaler on a tick.</summary>
/// <remarks>Created by <see cref="PoolStrategies.CreateSupply"/> from the policy's scaling options.</remarks>
internal interface IInstanceSupply
{
    /// <summary>Schedules the supply's first events.</summary>
    void Start(Simulator simulator);

    /// <summary>Called before each of the function's events, with the load as it was until now.</summary>
    void Advance(double now);

    /// <summary>A request reached the platform.</summary>
    void OnArrival(Simulator simulator, double now);

    /// <summary>Whether a request may start a new instance now, with <paramref name="active"/> active (Lambda's scaling rate).</summary>
    bool MayStart(double now, int active);

    /// <summary>A request was queued in front of the pool; <paramref name="queued"/> are waiting.</summary>
    void OnQueued(Simulator simulator, int queued, double now);

    /// <summary>Handles the supply's own events; false if <paramref name="kind"/> is not one of them.</summary>
    bool TryHandle(Simulator simulator, int kind, int tag, double now);
}
