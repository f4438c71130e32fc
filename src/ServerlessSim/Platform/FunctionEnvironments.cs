using ServerlessSim.Engine;
using ServerlessSim.Metrics;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Randomness;

namespace ServerlessSim.Platform;

/// <summary>The execution environments of one function under per-request scaling (AWS Lambda): limits, dispatch, cold starts, execution, expiry.</summary>
/// <remarks>
/// An invocation that finds no free environment starts one on the request path (a cold start) unless a limit
/// throttles it. Per invocation: one completion event, plus (with many invocations per environment) a share of its
/// environment's CPU events. Idle expiry costs one pending event per function, not one per idle period: idle
/// environments are kept in the order they went idle and the sweep always targets the oldest. The account limit is
/// checked against the account's totals (<see cref="AccountState"/>).
/// </remarks>
internal sealed class FunctionEnvironments : IInvocationTarget
{
    private const int NoRequest = -1;

    private readonly int _function;
    private readonly IDistribution _coldStart;
    private readonly RandomStream _coldStartRandom;
    private readonly IDispatchPolicy _dispatch;
    private readonly InstancePool _pool;
    private readonly RequestTable _invocations = new();
    private readonly ProcessorSharingCpu? _sharedCpu;
    private readonly AccountState _account;
    private readonly RunMetrics _metrics;
    private readonly RunMetrics? _accountMetrics;
    private readonly IInvocationCaller _caller;
    private readonly double _soloCpuRate;
    private readonly double _keepAliveSeconds;
    private readonly int _maxInstances;
    private int[] _finished = new int[16];

    // Per invocation, the caller's token for it.
    private int[] _token = new int[64];

    // Per environment, the first of the invocations waiting for it to finish initialising (linked through NextWaiting).
    private int[] _waitingHead = new int[16];

    // Per environment slot, its account-wide id for CPU events (slots are registered in order, once).
    private int[] _instanceIds = new int[16];
    private int _registeredInstances;
    private bool _sweepPending;

    /// <param name="settings">The function and the policy, resolved.</param>
    /// <param name="coldStartRandom">The function's cold-start substream.</param>
    /// <param name="account">The account's shared limit and load.</param>
    /// <param name="metrics">The function's metrics.</param>
    /// <param name="accountMetrics">The account's metrics when it has several functions (null with one).</param>
    /// <param name="caller">Told when each invocation finishes.</param>
    public FunctionEnvironments(
        PlatformModelSettings settings, RandomStream coldStartRandom, AccountState account, RunMetrics metrics, RunMetrics? accountMetrics, IInvocationCaller caller)
    {
        var function = settings.Function;
        _function = settings.FunctionIndex;
        _coldStart = function.ColdStart;
        _coldStartRandom = coldStartRandom;
        _dispatch = settings.Dispatch;
        _pool = new InstancePool(settings.MaxConcurrentPerInstance);
        _sharedCpu = settings.MaxConcurrentPerInstance > 1 ? new ProcessorSharingCpu(settings.VCpus) : null;
        _soloCpuRate = Math.Min(1.0, settings.VCpus);
        _keepAliveSeconds = function.KeepAlive.Seconds;
        _account = account;
        _maxInstances = function.MaxInstances ?? int.MaxValue;
        _metrics = metrics;
        _accountMetrics = accountMetrics;
        _caller = caller;
    }

    public InstancePool Pool => _pool;

    public int Concurrency => _invocations.InFlight;

    private bool InstanceLimitReached =>
        _account.LimitCountsInstances && _account.OtherActiveInstances + _pool.Active >= _account.ConcurrencyLimit;

    /// <summary>Handles the environments' own events; false if <paramref name="kind"/> is not one of theirs.</summary>
    public bool TryHandle(Simulator simulator, int kind, int target, int tag, double now)
    {
        switch (kind)
        {
            case PlatformEvents.RequestDone:
                OnInvocationDone(simulator, target, now);
                return true;
            case PlatformEvents.CpuDone:
                OnCpuDone(simulator, target, tag, now);
                return true;
            case PlatformEvents.InitDone:
                OnInitDone(simulator, target, now);
                return true;
            case PlatformEvents.IdleSweep:
                OnIdleSweep(simulator, now);
                return true;
            default:
                return false;
        }
    }

    public ThrottleReason? TryInvoke(Simulator simulator, double now, double cpu, double io, bool counted, int token)
    {
        if (!_account.LimitCountsInstances && _account.OtherInFlight + _invocations.InFlight >= _account.ConcurrencyLimit)
        {
            return ThrottleReason.AccountConcurrency;
        }

        var instance = ChooseReadyInstance(now);
        var cold = false;
        if (instance < 0)
        {
            if (_pool.Starting.CountAt(0) > 0)
            {
                // With many invocations per environment, join one that is already starting before starting another.
                instance = _pool.Starting.Head(0);
            }
            else if (_pool.Live >= _maxInstances)
            {
                return ThrottleReason.MaxInstances;
            }
            else if (InstanceLimitReached)
            {
                return ThrottleReason.AccountConcurrency;
            }
            else
            {
                instance = StartInstance(simulator, now);
            }

            cold = true;
        }

        var invocation = Allocate();
        _invocations.ArrivalSeconds[invocation] = now;
        _invocations.CpuSeconds[invocation] = cpu;
        _invocations.IoSeconds[invocation] = io;
        _invocations.Instance[invocation] = instance;
        _invocations.Counted[invocation] = counted;
        _token[invocation] = token;
        var wasIdle = _pool.StateOf(instance) == InstanceState.Idle;
        _pool.Bind(instance, now);
        if (wasIdle)
        {
            _metrics.Billing.OnInstanceBusy(instance, now);
        }

        if (cold)
        {
            _metrics.OnColdStart(counted, now);
            _accountMetrics?.OnColdStart(counted, now);
            _invocations.NextWaiting[invocation] = _waitingHead[instance];
            _waitingHead[instance] = invocation;
        }
        else
        {
            StartInvocation(simulator, invocation, instance, now);
        }

        return null;
    }

    /// <summary>A ready environment with a free slot that the limits allow, or -1.</summary>
    private int ChooseReadyInstance(double now)
    {
        var load = _dispatch.ChooseLoad(new DispatchContext(_pool.Ready, now));
        if (load < 0)
        {
            return -1;
        }

        if (load == 0 && InstanceLimitReached)
        {
            // An idle environment would become one more active one: only busy ones with a free slot may serve.
            load = _pool.Ready.LowestNonEmpty(1);
            if (load < 0)
            {
                return -1;
            }
        }

        return _pool.Ready.Head(load);
    }

    private int Allocate()
    {
        var invocation = _invocations.Allocate();
        if (invocation == _token.Length)
        {
            Array.Resize(ref _token, invocation * 2);
        }

        return invocation;
    }

    private int StartInstance(Simulator simulator, double now)
    {
        var instance = _pool.StartNew();
        EnsureWaitingCapacity(instance);
        _waitingHead[instance] = NoRequest;
        var init = _coldStart.Sample(_coldStartRandom);
        _metrics.OnInstanceStart(instance, now, init);
        _accountMetrics?.OnInstanceStart(instance, now, init);
        if (_sharedCpu is not null && instance == _registeredInstances)
        {
            RegisterInstance(instance);
        }

        simulator.ScheduleAt(now + init, PlatformEvents.InitDone, instance, _function);
        return instance;
    }

    private void OnInitDone(Simulator simulator, int instance, double now)
    {
        _pool.MarkReady(instance, now);
        _metrics.Billing.OnInstanceReady(instance, now, _pool.LoadOf(instance) > 0);
        var invocation = _waitingHead[instance];
        _waitingHead[instance] = NoRequest;
        while (invocation != NoRequest)
        {
            var next = _invocations.NextWaiting[invocation];
            StartInvocation(simulator, invocation, instance, now);
            invocation = next;
        }

        if (_pool.LoadOf(instance) == 0)
        {
            EnsureSweep(simulator);
        }
    }

    private void StartInvocation(Simulator simulator, int invocation, int instance, double now)
    {
        _invocations.StartSeconds[invocation] = now;
        var cpu = _invocations.CpuSeconds[invocation];
        if (_sharedCpu is null || cpu <= 0)
        {
            // Alone on its environment: the CPU phase runs at the environment's share, capped at one vCPU.
            simulator.ScheduleAt(now + (cpu / _soloCpuRate) + _invocations.IoSeconds[invocation], PlatformEvents.RequestDone, invocation, _function);
            return;
        }

        if (_sharedCpu.Join(instance, invocation, cpu, now))
        {
            IssueCpuEvent(simulator, instance);
        }
    }

    private void IssueCpuEvent(Simulator simulator, int instance)
    {
        var (time, version) = _sharedCpu!.IssueEvent(instance);
        simulator.ScheduleAt(time, PlatformEvents.CpuDone, _instanceIds[instance], version);
    }

    private void OnCpuDone(Simulator simulator, int instance, int version, double now)
    {
        var cpu = _sharedCpu!;
        if (!cpu.IsCurrent(instance, version))
        {
            return; // Superseded by an event issued for an earlier finish.
        }

        if (_finished.Length < cpu.JobsOn(instance))
        {
            _finished = new int[cpu.JobsOn(instance) * 2];
        }

        var done = cpu.CompleteDue(instance, now, _finished);
        for (var i = 0; i < done; i++)
        {
            var invocation = _finished[i];
            simulator.ScheduleAt(now + _invocations.IoSeconds[invocation], PlatformEvents.RequestDone, invocation, _function);
        }

        if (cpu.JobsOn(instance) > 0)
        {
            IssueCpuEvent(simulator, instance);
        }
    }

    private void OnInvocationDone(Simulator simulator, int invocation, double now)
    {
        var instance = _invocations.Instance[invocation];
        var counted = _invocations.Counted[invocation];
        var cpu = _invocations.CpuSeconds[invocation];
        var execution = now - _invocations.StartSeconds[invocation];
        var finished = new FinishedInvocation(_token[invocation], counted, _invocations.ArrivalSeconds[invocation], cpu, _invocations.IoSeconds[invocation]);
        _metrics.OnExecution(counted, execution, cpu);
        _accountMetrics?.OnExecution(counted, execution, cpu);
        _invocations.Release(invocation);
        if (_pool.Unbind(instance, now))
        {
            _metrics.Billing.OnInstanceIdle(instance, now);
            EnsureSweep(simulator);
        }

        _caller.OnInvocationDone(simulator, now, in finished);
    }

    private void EnsureSweep(Simulator simulator)
    {
        if (!_sweepPending && !double.IsPositiveInfinity(_keepAliveSeconds))
        {
            _sweepPending = true;
            simulator.ScheduleAt(_pool.IdleSince(_pool.Ready.Tail(0)) + _keepAliveSeconds, PlatformEvents.IdleSweep, _function);
        }
    }

    private void OnIdleSweep(Simulator simulator, double now)
    {
        _sweepPending = false;
        while (_pool.Ready.CountAt(0) > 0)
        {
            var oldest = _pool.Ready.Tail(0);
            if (_pool.IdleSince(oldest) + _keepAliveSeconds > now)
            {
                EnsureSweep(simulator);
                return;
            }

            _pool.Reclaim(oldest);
            _metrics.Billing.OnInstanceReclaimed(oldest, now);
        }
    }

    private void RegisterInstance(int instance)
    {
        if (instance == _instanceIds.Length)
        {
            Array.Resize(ref _instanceIds, instance * 2);
        }

        _instanceIds[instance] = _account.RegisterInstance(_function, instance);
        _registeredInstances++;
    }

    private void EnsureWaitingCapacity(int instance)
    {
        if (instance >= _waitingHead.Length)
        {
            Array.Resize(ref _waitingHead, Math.Max(instance + 1, _waitingHead.Length * 2));
        }
    }
}
