using ServerlessSim.Engine;
using ServerlessSim.Policies.Scaling;

namespace ServerlessSim.Platform;

/// <summary>Provisioned concurrency: the schedule's steps add environments (initialised ahead of traffic) or retire them.</summary>
internal sealed partial class FunctionEnvironments
{
    private readonly ProvisionedConcurrencyOptions? _provisionedSchedule;

    private void StartProvisionedSchedule(Simulator simulator)
    {
        if (_provisionedSchedule is { Steps.Count: > 0 })
        {
            ScheduleProvisionedStep(simulator, 0);
        }
    }

    // Occurrence k of the schedule is step k mod n of repetition k / n; without repetition, k < n only.
    private void ScheduleProvisionedStep(Simulator simulator, int occurrence)
    {
        var steps = _provisionedSchedule!.Steps;
        var repetition = occurrence / steps.Count;
        if (repetition > 0 && _provisionedSchedule.RepeatEvery is null)
        {
            return;
        }

        var time = (repetition * (_provisionedSchedule.RepeatEvery?.Seconds ?? 0)) + steps[occurrence % steps.Count].At.Seconds;
        simulator.ScheduleAt(time, PlatformEvents.ProvisionedChange, _function, occurrence);
    }

    private void OnProvisionedChange(Simulator simulator, int occurrence, double now)
    {
        var steps = _provisionedSchedule!.Steps;
        var target = steps[occurrence % steps.Count].Environments;
        ScheduleProvisionedStep(simulator, occurrence + 1);
        var group = _provisioned!;
        _metrics.OnProvisionedConfigured(target, now);
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
            StartEnvironment(simulator, group, now);
        }

        // Fewer wanted: idle ones go at once, then starting ones when ready, then busy ones after their requests.
        var ready = group.Pool.Ready;
        while (kept > target && ready.CountAt(0) > 0)
        {
            RemoveEnvironment(group, ready.Tail(0), now);
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
                Retire(group, slot, now);
                kept--;
            }
        }
    }

    private static int CountRetiringWhenReady(EnvironmentGroup group)
    {
        var count = 0;
        for (var slot = 0; slot < group.Pool.HighWater; slot++)
        {
            count += group.Pool.StateOf(slot) == InstanceState.Initializing && group.RetireWhenReady[slot] ? 1 : 0;
        }

        return count;
    }
}
