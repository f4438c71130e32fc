using ServerlessSim.Engine;
using ServerlessSim.Randomness;

namespace ServerlessSim.Platform;

/// <summary>Lifecycle: environments start (within the init timeout, or fail), go idle, expire, reach their end of life.</summary>
internal sealed partial class FunctionEnvironments
{
    private readonly double _keepAliveSeconds;
    private readonly IDistribution? _idleLifetime;
    private readonly HybridHistogram? _hybrid;
    private readonly IDistribution? _maxLifetime;
    private readonly double _initTimeoutSeconds;
    private readonly double _functionTimeoutSeconds;
    private readonly DeadlineTimer _idleExpiry;
    private readonly DeadlineTimer _endOfLife;
    private bool _sweepPending;

    // The hybrid policy: since when the function has had nothing in flight (NaN while busy or before its first
    // request), the pre-warm due (its version, how many), and until when pre-warmed environments are kept.
    private double _functionIdleSince = double.NaN;
    private int _prewarmVersion;
    private int _prewarmCount;
    private double _prewarmedUntil = double.NaN;

    /// <summary>Whether idle environments expire by deadline (a drawn lifetime, the hybrid policy) rather than the fixed keep-alive's sweep.</summary>
    private readonly bool _expiresByDeadline;

    /// <summary>Starts an environment in <paramref name="group"/>: it initialises, or fails to; returns its slot.</summary>
    /// <remarks>
    /// An on-demand initialisation longer than the init timeout (Lambda: 10 s) is cut there and run again, bounded by
    /// the function timeout: e.g. a draw of 12 s, then 3 s, is ready after 10 + 3 = 13 s and bills 13 s; a second
    /// overrun fails the requests waiting for it at 10 s + the function timeout. Provisioned environments initialise
    /// ahead of traffic (Lambda allows them 15 minutes): no timeout.
    /// </remarks>
    private int StartEnvironment(Simulator simulator, EnvironmentGroup group, double now)
    {
        var slot = group.Pool.StartNew();
        group.EnsureSlot(slot);
        group.WaitingHead[slot] = EnvironmentGroup.NoInvocation;
        group.RetireWhenReady[slot] = false;
        var init = _coldStart.Sample(_coldStartRandom);
        var kind = PlatformEvents.InitDone;
        if (init > _initTimeoutSeconds && !group.Provisioned)
        {
            var retry = _coldStart.Sample(_coldStartRandom);
            kind = retry > _functionTimeoutSeconds ? PlatformEvents.InitFailed : PlatformEvents.InitDone;
            init = _initTimeoutSeconds + Math.Min(retry, _functionTimeoutSeconds);
        }

        _metrics.OnInstanceStart(slot, now, init, group.Provisioned);
        _accountMetrics?.OnInstanceStart(slot, now, init, group.Provisioned);
        if (group.Cpu is not null && slot == group.RegisteredInstances)
        {
            group.EnsureInstanceId(slot);
            group.InstanceIds[slot] = _account.RegisterInstance(_function, group.CodeOf(slot));
            group.RegisteredInstances++;
        }

        if (_maxLifetime is not null && !group.Provisioned)
        {
            _endOfLife.Deadlines.Set(slot, now + _maxLifetime.Sample(_policyRandom));
            _endOfLife.Ensure(simulator);
        }

        simulator.ScheduleAt(now + init, kind, group.CodeOf(slot), _function);
        return slot;
    }

    private void OnInitDone(Simulator simulator, int code, double now)
    {
        var group = GroupOf(code);
        var slot = SlotOf(code);
        group.Pool.MarkReady(slot, now);
        group.Billing.OnInstanceReady(slot, now, group.Pool.LoadOf(slot) > 0);
        var invocation = group.WaitingHead[slot];
        group.WaitingHead[slot] = EnvironmentGroup.NoInvocation;
        while (invocation != EnvironmentGroup.NoInvocation)
        {
            var next = _invocations.NextWaiting[invocation];
            StartInvocation(simulator, invocation, group, slot, now);
            invocation = next;
        }

        if (group.RetireWhenReady[slot])
        {
            Retire(group, slot, now);
        }
        else if (group.Pool.LoadOf(slot) == 0)
        {
            OnEnvironmentIdle(simulator, group, slot, now);
        }
    }

    /// <summary>The second initialisation ran over too: the invocations waiting for the environment fail, and it goes.</summary>
    private void OnInitFailed(Simulator simulator, int code, double now)
    {
        var group = GroupOf(code);
        var slot = SlotOf(code);
        var invocation = group.WaitingHead[slot];
        group.WaitingHead[slot] = EnvironmentGroup.NoInvocation;
        group.Pool.MarkReady(slot, now);
        var load = group.Pool.LoadOf(slot);
        group.Billing.OnInstanceReady(slot, now, load > 0);
        if (load > 0)
        {
            group.Billing.OnInstanceIdle(slot, now);
        }

        RemoveEnvironment(group, slot, now);
        while (invocation != EnvironmentGroup.NoInvocation)
        {
            var next = _invocations.NextWaiting[invocation];
            var finished = Finished(invocation, failed: true);
            _invocations.Release(invocation);
            _caller.OnInvocationDone(simulator, now, in finished);
            invocation = next;
        }

        OnFunctionMaybeIdle(simulator, now);
    }

    /// <summary>An environment became idle: it waits for its next request until its keep-alive says otherwise.</summary>
    private void OnEnvironmentIdle(Simulator simulator, EnvironmentGroup group, int slot, double now)
    {
        if (group.Provisioned)
        {
            return; // Provisioned environments never expire while configured.
        }

        if (!_expiresByDeadline)
        {
            EnsureSweep(simulator);
            return;
        }

        _idleExpiry.Deadlines.Set(slot, IdleDeadline(now));
        _idleExpiry.Ensure(simulator);
    }

    private double IdleDeadline(double now)
    {
        if (_idleLifetime is not null)
        {
            return now + _idleLifetime.Sample(_policyRandom);
        }

        if (_invocations.InFlight == 0 && !double.IsNaN(_prewarmedUntil))
        {
            return Math.Max(now, _prewarmedUntil);
        }

        var (prewarm, keepAlive) = _hybrid!.Windows();
        return now + prewarm + keepAlive;
    }

    private void EnsureSweep(Simulator simulator)
    {
        if (!_sweepPending && !double.IsPositiveInfinity(_keepAliveSeconds) && _onDemand.Pool.Ready.CountAt(0) > 0)
        {
            _sweepPending = true;
            simulator.ScheduleAt(_onDemand.Pool.IdleSince(_onDemand.Pool.Ready.Tail(0)) + _keepAliveSeconds, PlatformEvents.IdleSweep, _function);
        }
    }

    // The fixed keep-alive: idle environments are in the order they went idle, so the oldest expires first.
    private void OnIdleSweep(Simulator simulator, double now)
    {
        _sweepPending = false;
        var pool = _onDemand.Pool;
        while (pool.Ready.CountAt(0) > 0)
        {
            var oldest = pool.Ready.Tail(0);
            if (pool.IdleSince(oldest) + _keepAliveSeconds > now)
            {
                EnsureSweep(simulator);
                return;
            }

            Reclaim(oldest, now);
        }
    }

    private void OnKeepAliveCheck(Simulator simulator, int version, double now)
    {
        if (!_idleExpiry.Fire(version))
        {
            return; // Superseded by a check for an earlier deadline.
        }

        var deadlines = _idleExpiry.Deadlines;
        while (deadlines.Count > 0 && deadlines.EarliestSeconds <= now)
        {
            Reclaim(deadlines.Earliest, now);
        }

        _idleExpiry.Ensure(simulator);
    }

    /// <summary>Reclaims an idle on-demand environment.</summary>
    private void Reclaim(int slot, double now)
    {
        _idleExpiry.Deadlines.Remove(slot);
        _endOfLife.Deadlines.Remove(slot);
        _onDemand.Pool.Reclaim(slot);
        _onDemand.Billing.OnInstanceReclaimed(slot, now);
    }

    /// <summary>Removes a ready environment (idle, or withdrawn and drained, or failed); its slot is reused.</summary>
    private void RemoveEnvironment(EnvironmentGroup group, int slot, double now)
    {
        if (!group.Provisioned)
        {
            _idleExpiry.Deadlines.Remove(slot);
            _endOfLife.Deadlines.Remove(slot);
        }

        if (group.Pool.IsWithdrawn(slot))
        {
            group.Withdrawn--;
        }

        group.Pool.Remove(slot);
        group.Billing.OnInstanceReclaimed(slot, now);
    }

    /// <summary>An environment leaves: at once if idle, else it finishes its requests first (taking no more).</summary>
    private void Retire(EnvironmentGroup group, int slot, double now)
    {
        if (group.Pool.LoadOf(slot) == 0)
        {
            RemoveEnvironment(group, slot, now);
            return;
        }

        _idleExpiry.Deadlines.Remove(slot);
        group.Pool.Withdraw(slot);
        group.Withdrawn++;
    }

    // Environments at the end of their lives leave, busy or not (a busy one after its requests).
    private void OnLifetimeCheck(Simulator simulator, int version, double now)
    {
        if (!_endOfLife.Fire(version))
        {
            return;
        }

        var deaths = _endOfLife.Deadlines;
        while (deaths.Count > 0 && deaths.EarliestSeconds <= now)
        {
            var slot = deaths.Earliest;
            var state = _onDemand.Pool.StateOf(slot);
            if (state == InstanceState.Initializing)
            {
                deaths.Set(slot, now + 1); // Not ready yet: look again in a second.
                continue;
            }

            deaths.Remove(slot);
            if (state == InstanceState.Idle)
            {
                Reclaim(slot, now);
            }
            else if (!_onDemand.Pool.IsWithdrawn(slot))
            {
                Retire(_onDemand, slot, now);
            }
        }

        _endOfLife.Ensure(simulator);
    }

    // The hybrid policy's function-level idle time: from the end of the function's last request to its next arrival.
    private void OnFunctionBusy(double now)
    {
        if (_invocations.InFlight > 0)
        {
            return;
        }

        if (!double.IsNaN(_functionIdleSince))
        {
            _hybrid!.Record(now - _functionIdleSince);
            _functionIdleSince = double.NaN;
        }

        _prewarmVersion++; // Any pre-warm still pending is not needed.
        _prewarmedUntil = double.NaN;
    }

    /// <summary>After an invocation ends: if the function has nothing left in flight, the hybrid policy unloads and schedules the pre-warm.</summary>
    private void OnFunctionMaybeIdle(Simulator simulator, double now)
    {
        if (_hybrid is null || _invocations.InFlight > 0)
        {
            return;
        }

        _functionIdleSince = now;
        var (prewarm, keepAlive) = _hybrid.Windows();
        var idle = _onDemand.Pool.Ready;
        if (prewarm <= 0)
        {
            // Keep the idle environments for the keep-alive window from now.
            for (var slot = idle.Head(0); slot >= 0; slot = idle.Next(slot))
            {
                _idleExpiry.Deadlines.Set(slot, now + keepAlive);
            }

            _prewarmedUntil = now + keepAlive;
            _idleExpiry.Ensure(simulator);
            return;
        }

        var unloaded = 0;
        while (idle.CountAt(0) > 0)
        {
            Reclaim(idle.Head(0), now);
            unloaded++;
        }

        _prewarmCount = Math.Max(1, unloaded);
        _prewarmedUntil = now + prewarm + keepAlive;
        simulator.ScheduleAt(now + prewarm, PlatformEvents.Prewarm, _function, ++_prewarmVersion);
    }

    private void OnPrewarm(Simulator simulator, int version, double now)
    {
        if (version != _prewarmVersion)
        {
            return; // A request came first.
        }

        for (var i = 0; i < _prewarmCount && _onDemand.Pool.Live < _maxInstances && !InstanceLimitReached; i++)
        {
            StartEnvironment(simulator, _onDemand, now);
        }
    }
}
