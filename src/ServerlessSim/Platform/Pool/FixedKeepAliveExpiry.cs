using ServerlessSim.Engine;

namespace ServerlessSim.Platform.Pool;

/// <summary>A fixed keep-alive: an instance idle for the keep-alive is reclaimed (Lambda's observed behaviour, about 10 minutes).</summary>
/// <remarks>
/// One pending event per function, not one per idle period: idle instances are kept in the order they went idle,
/// so the sweep targets the oldest, reclaims every one past its keep-alive and schedules itself for the next.
/// </remarks>
internal sealed class FixedKeepAliveExpiry(InstanceLifecycle lifecycle, InstanceGroup group, double keepAliveSeconds, int function) : IIdleExpiry
{
    private bool _sweepPending;

    public void OnIdle(Simulator simulator, int slot, double now) => EnsureSweep(simulator);

    public void Forget(int slot)
    {
    }

    public void OnInvoked(int concurrency, double now)
    {
    }

    public void OnRequestsEnded(Simulator simulator, int concurrency, double now)
    {
    }

    public bool TryHandle(Simulator simulator, int kind, int tag, double now)
    {
        if (kind != PlatformEvents.IdleSweep)
        {
            return false;
        }

        _sweepPending = false;
        var pool = group.Pool;
        while (pool.Ready.CountAt(0) > 0)
        {
            var oldest = pool.Ready.Tail(0);
            if (pool.IdleSince(oldest) + keepAliveSeconds > now)
            {
                EnsureSweep(simulator);
                return true;
            }

            lifecycle.Reclaim(oldest, now);
        }

        return true;
    }

    private void EnsureSweep(Simulator simulator)
    {
        var ready = group.Pool.Ready;
        if (!_sweepPending && ready.CountAt(0) > 0)
        {
            _sweepPending = true;
            simulator.ScheduleAt(group.Pool.IdleSince(ready.Tail(0)) + keepAliveSeconds, PlatformEvents.IdleSweep, function);
        }
    }
}
