using ServerlessSim.Engine;
using ServerlessSim.Policies.Scaling;

namespace ServerlessSim.Platform.Pool;

/// <summary>Per-request scaling (Lambda): a request that finds no free instance starts one, within the scaling rate; provisioned concurrency follows its schedule.</summary>
/// <remarks>
/// The schedule's steps add environments (initialised ahead of traffic) or retire them: idle ones at once, starting
/// ones when ready, busy ones after their requests.
/// </remarks>
internal sealed class PerRequestSupply(FunctionPool pool, PerRequestScalingOptions options) : IInstanceSupply
{
    private readonly ScalingRateLimiter? _scalingRate = ScalingRateLimiter.Create(options.ScalingRate);
    private readonly ProvisionedConcurrencyOptions? _schedule = options.ProvisionedConcurrency;

    public void Start(Simulator simulator)
    {
        if (_schedule is { Steps.Count: > 0 })
        {
            ScheduleStep(simulator, 0);
        }
    }

    public void Advance(double now)
    {
    }

    public void OnArrival(Simulator simulator, double now)
    {
    }

    public bool MayStart(double now, int active) => _scalingRate is null || _scalingRate.TryStart(now, active);

    public void OnQueued(Simulator simulator, int queued, double now)
    {
    }

    public bool TryHandle(Simulator simulator, int kind, int tag, double now)
    {
        if (kind != PlatformEvents.ProvisionedChange)
        {
            return false;
        }

        OnStep(simulator, tag, now);
        return true;
    }

    // Occurrence k of the schedule is step k mod n of repetition k / n; without repetition, k < n only.
    private void ScheduleStep(Simulator simulator, int occurrence)
    {
        var steps = _schedule!.Steps;
        var repetition = occurrence / steps.Count;
        if (repetition > 0 && _schedule.RepeatEvery is null)
        {
            return;
        }

        var time = (repetition * (_schedule.RepeatEvery?.Seconds ?? 0)) + steps[occurrence % steps.Count].At.Seconds;
        simulator.ScheduleAt(time, PlatformEvents.ProvisionedChange, pool.Function, occurrence);
    }

    private void OnStep(Simulator simulator, int occurrence, double now)
    {
        var steps = _schedule!.Steps;
        var target = steps[occurrence % steps.Count].Environments;
        ScheduleStep(simulator, occurrence + 1);
        var group = pool.Provisioned!;
        var lifecycle = pool.Lifecycle;
        pool.Metrics.Function.OnProvisionedConfigured(target, now);
        var kept = group.Pool.Live - group.Withdrawn - CountRetiringWhenReady(group);

        // More wanted: starting ones that were to retire stay, then new ones start.
        for (var slot = 0; kept < target && slot < group.Pool.HighWater; slot++)
        {
            if (group.Pool.StateOf(slot) == InstanceState.Initializing && group.RetireWhenReady[slot])
            {
                group.RetireWhenReady[slot] = false;
                kept++;
            }
        }

        for (; kept < target; kept++)
        {
            lifecycle.Start(simulator, group, now);
        }

        // Fewer wanted: idle ones go at once, then starting ones when ready, then busy ones after their requests.
        var ready = group.Pool.Ready;
        while (kept > target && ready.CountAt(0) > 0)
        {
            lifecycle.Remove(group, ready.Tail(0), now);
            kept--;
        }

        for (var slot = 0; kept > target && slot < group.Pool.HighWater; slot++)
        {
            if (group.Pool.StateOf(slot) == InstanceState.Initializing && !group.RetireWhenReady[slot])
            {
                group.RetireWhenReady[slot] = true;
                kept--;
            }
        }

        for (var slot = 0; kept > target && slot < group.Pool.HighWater; slot++)
        {
            if (group.Pool.StateOf(slot) == InstanceState.Busy && !group.Pool.IsWithdrawn(slot))
            {
                lifecycle.Retire(group, slot, now);
                kept--;
            }
        }
    }

    private static int CountRetiringWhenReady(InstanceGroup group)
    {
        var count = 0;
        for (var slot = 0; slot < group.Pool.HighWater; slot++)
        {
            count += group.Pool.StateOf(slot) == InstanceState.Initializing && group.RetireWhenReady[slot] ? 1 : 0;
        }

        return count;
    }
}
