using ServerlessSim.Engine;

namespace ServerlessSim.Platform.Pool;

/// <summary>A keep-alive that gives each idle instance its own deadline; one pending event per function, on the earliest (a <see cref="DeadlineTimer"/>).</summary>
internal abstract class DeadlineExpiry(InstanceLifecycle lifecycle, int function) : IIdleExpiry
{
    protected DeadlineTimer Timer { get; } = new(PlatformEvents.KeepAliveCheck, function);

    public void OnIdle(Simulator simulator, int slot, double now)
    {
        Timer.Deadlines.Set(slot, Deadline(now));
        Timer.Ensure(simulator);
    }

    public void Forget(int slot) => Timer.Deadlines.Remove(slot);

    public virtual void OnInvoked(int concurrency, double now)
    {
    }

    public virtual void OnRequestsEnded(Simulator simulator, int concurrency, double now)
    {
    }

    public virtual bool TryHandle(Simulator simulator, int kind, int tag, double now)
    {
        if (kind != PlatformEvents.KeepAliveCheck)
        {
            return false;
        }

        if (!Timer.Fire(tag))
        {
            return true; // Superseded by a check for an earlier deadline.
        }

        var deadlines = Timer.Deadlines;
        while (deadlines.Count > 0 && deadlines.EarliestSeconds <= now)
        {
            lifecycle.Reclaim(deadlines.Earliest, now);
        }

        Timer.Ensure(simulator);
        return true;
    }

    /// <summary>When an instance that goes idle at <paramref name="now"/> expires.</summary>
    protected abstract double Deadline(double now);
}
