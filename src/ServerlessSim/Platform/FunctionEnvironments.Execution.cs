using ServerlessSim.Engine;

namespace ServerlessSim.Platform;

/// <summary>Execution: invocations run alone or share their environment's CPU, may time out, and finish.</summary>
internal sealed partial class FunctionEnvironments
{
    // Per invocation, whether it was cut at the function timeout.
    private bool[] _timedOut = new bool[64];

    private void StartInvocation(Simulator simulator, int invocation, EnvironmentGroup group, int slot, double now)
    {
        _invocations.StartSeconds[invocation] = now;
        if (invocation >= _timedOut.Length)
        {
            Array.Resize(ref _timedOut, Math.Max(invocation + 1, _timedOut.Length * 2));
        }

        _timedOut[invocation] = false;
        var cpu = _invocations.CpuSeconds[invocation];
        if (group.Cpu is null || cpu <= 0)
        {
            // Alone on its environment: the CPU phase runs at the environment's share, capped at one vCPU.
            var end = now + (cpu / _soloCpuRate) + _invocations.IoSeconds[invocation];
            if (end - now > _functionTimeoutSeconds)
            {
                _timedOut[invocation] = true;
                end = now + _functionTimeoutSeconds;
            }

            simulator.ScheduleAt(end, PlatformEvents.RequestDone, invocation, _function);
            return;
        }

        if (group.Cpu.Join(slot, invocation, cpu, now))
        {
            IssueCpuEvent(simulator, group, slot);
        }
    }

    private static void IssueCpuEvent(Simulator simulator, EnvironmentGroup group, int slot)
    {
        var (time, version) = group.Cpu!.IssueEvent(slot);
        simulator.ScheduleAt(time, PlatformEvents.CpuDone, group.InstanceIds[slot], version);
    }

    private void OnCpuDone(Simulator simulator, int code, int version, double now)
    {
        var group = GroupOf(code);
        var slot = SlotOf(code);
        var cpu = group.Cpu!;
        if (!cpu.IsCurrent(slot, version))
        {
            return; // Superseded by an event issued for an earlier finish.
        }

        if (_finished.Length < cpu.JobsOn(slot))
        {
            _finished = new int[cpu.JobsOn(slot) * 2];
        }

        var done = cpu.CompleteDue(slot, now, _finished);
        for (var i = 0; i < done; i++)
        {
            var invocation = _finished[i];
            simulator.ScheduleAt(now + _invocations.IoSeconds[invocation], PlatformEvents.RequestDone, invocation, _function);
        }

        if (cpu.JobsOn(slot) > 0)
        {
            IssueCpuEvent(simulator, group, slot);
        }
    }

    private void OnInvocationDone(Simulator simulator, int invocation, double now)
    {
        var code = _invocations.Instance[invocation];
        var group = GroupOf(code);
        var slot = SlotOf(code);
        var execution = now - _invocations.StartSeconds[invocation];

        // Sharing a CPU, an invocation that ran over the function timeout is failed when it ends (an approximation).
        var failed = _timedOut[invocation] || execution > _functionTimeoutSeconds;
        var finished = Finished(invocation, failed);
        _metrics.OnExecution(finished.Counted, execution, finished.CpuSeconds, group.Provisioned);
        _accountMetrics?.OnExecution(finished.Counted, execution, finished.CpuSeconds, group.Provisioned);
        _invocations.Release(invocation);
        if (group.Pool.IsWithdrawn(slot))
        {
            if (group.Pool.UnbindWithdrawn(slot, now))
            {
                group.Billing.OnInstanceIdle(slot, now);
                RemoveEnvironment(group, slot, now);
            }
        }
        else if (group.Pool.Unbind(slot, now))
        {
            group.Billing.OnInstanceIdle(slot, now);
            OnEnvironmentIdle(simulator, group, slot, now);
        }

        _caller.OnInvocationDone(simulator, now, in finished);
        if (_hybrid is not null)
        {
            OnFunctionMaybeIdle(simulator, now);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private FinishedInvocation Finished(int invocation, bool failed) => new(
        _invocations.Token[invocation],
        _invocations.Counted[invocation],
        _invocations.ArrivalSeconds[invocation],
        _invocations.CpuSeconds[invocation],
        _invocations.IoSeconds[invocation],
        failed);
}
