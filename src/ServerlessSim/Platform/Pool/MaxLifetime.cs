using ServerlessSim.Engine;
using ServerlessSim.Randomness;

namespace ServerlessSim.Platform.Pool;

/// <summary>On-demand instances live at most a drawn lifetime: then they leave, busy or not (a busy one after its requests).</summary>
/// <remarks>One pending event per function: a <see cref="DeadlineTimer"/> on the earliest end of life.</remarks>
internal sealed class MaxLifetime(InstanceLifecycle lifecycle, InstanceGroup group, IDistribution lifetime, RandomStream random, int function)
{
    private readonly DeadlineTimer _endOfLife = new(PlatformEvents.LifetimeCheck, function);

    /// <summary>Instance <paramref name="slot"/> started: its end of life is drawn.</summary>
    public void OnStart(Simulator simulator, int slot, double now)
    {
        _endOfLife.Deadlines.Set(slot, now + lifetime.Sample(random));
        _endOfLife.Ensure(simulator);
    }

    public void Forget(int slot) => _endOfLife.Deadlines.Remove(slot);

    public bool TryHandle(Simulator simulator, int kind, int version, double now)
    {
        if (kind != PlatformEvents.LifetimeCheck)
        {
            return false;
        }

        if (!_endOfLife.Fire(version))
        {
            return true;
        }

        var deaths = _endOfLife.Deadlines;
        while (deaths.Count > 0 && deaths.EarliestSeconds <= now)
        {
            var slot = deaths.Earliest;
            var state = group.Pool.StateOf(slot);
            if (state == InstanceState.Initializing)
            {
                deaths.Set(slot, now + 1); // Not ready yet: look again in a second.
                continue;
            }

            deaths.Remove(slot);
            if (state == InstanceState.Idle)
            {
                lifecycle.Reclaim(slot, now);
            }
            else if (!group.Pool.IsWithdrawn(slot))
            {
                lifecycle.Retire(group, slot, now);
            }
        }

        _endOfLife.Ensure(simulator);
        return true;
    }
}
