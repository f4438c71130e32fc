using System.Runtime.CompilerServices;
using ServerlessSim.Engine;
using ServerlessSim.Metrics;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Policies.KeepAlive;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Randomness;

namespace ServerlessSim.Platform;

/// <summary>The execution environments of one function under per-request scaling (AWS Lambda): limits, dispatch, cold starts, execution, expiry.</summary>
/// <remarks>
/// An invocation takes a free provisioned environment, else a free on-demand one, else starts one on the request
/// path (a cold start) unless a limit throttles it: the request rate, the account's concurrency, the function's
/// reservation and cap, the scaling rate. Per invocation: one completion event, plus (with many invocations per environment) a share of
/// its environment's CPU events. Expiry costs one pending event per function, not one per idle period: under a fixed
/// keep-alive idle environments are kept in the order they went idle and the sweep targets the oldest; under other
/// keep-alives and lifetimes a <see cref="DeadlineHeap"/> keeps the earliest deadline. Split by concern: admission
/// here; lifecycle (starts, expiry, lifetimes, the hybrid policy), execution and provisioned concurrency in the other
/// parts.
/// </remarks>
internal sealed partial class FunctionEnvironments : IInvocationTarget
{
    private readonly int _function;
    private readonly IDistribution _coldStart;
    private readonly RandomStream _coldStartRandom;
    private readonly RandomStream _policyRandom;
    private readonly IDispatchPolicy _dispatch;
    private readonly EnvironmentGroup _onDemand;
    private readonly EnvironmentGroup? _provisioned;
    private readonly RequestTable _invocations = new();
    private readonly AccountState _account;
    private readonly RunMetrics _metrics;
    private readonly RunMetrics? _accountMetrics;
    private readonly IInvocationCaller _caller;
    private readonly ScalingRateLimiter? _scalingRate;
    private readonly IdleEnvironmentChoice _idleChoice;
    private readonly double _soloCpuRate;
    private readonly int _maxInstances;
    private int[] _finished = new int[16];

    /// <param name="settings">The function and the policy, resolved.</param>
    /// <param name="streams">The function's random substreams (cold starts, policy draws).</param>
    /// <param name="account">The account's shared limit and load.</param>
    /// <param name="metrics">The function's metrics.</param>
    /// <param name="accountMetrics">The account's metrics when it has several functions (null with one).</param>
    /// <param name="caller">Told when each invocation finishes.</param>
    public FunctionEnvironments(
        PlatformModelSettings settings, RandomStreams streams, AccountState account, RunMetrics metrics, RunMetrics? accountMetrics, IInvocationCaller caller)
    {
        var function = settings.Function;
        var scaling = settings.Scaling;
        _function = settings.FunctionIndex;
        _coldStart = function.ColdStart;
        _coldStartRandom = streams.ColdStart;
        _policyRandom = streams.Policy!;
        _dispatch = settings.Dispatch;
        _onDemand = new EnvironmentGroup(settings.MaxConcurrentPerInstance, settings.VCpus, metrics.Billing, provisioned: false);
        _provisioned = scaling.ProvisionedConcurrency is null
            ? null
            : new EnvironmentGroup(settings.MaxConcurrentPerInstance, settings.VCpus, metrics.ProvisionedBilling, provisioned: true);
        _soloCpuRate = Math.Min(1.0, settings.VCpus);
        _account = account;
        _maxInstances = function.MaxInstances ?? int.MaxValue;
        _metrics = metrics;
        _accountMetrics = accountMetrics;
        _caller = caller;
        _scalingRate = ScalingRateLimiter.Create(scaling.ScalingRate);
        _idleChoice = scaling.IdleChoice;
        _keepAliveSeconds = function.KeepAlive.Seconds;
        _idleLifetime = (scaling.KeepAlive as IdleLifetimeKeepAlive)?.IdleLifetime;
        _hybrid = scaling.KeepAlive is HybridHistogramKeepAlive hybrid ? new HybridHistogram(hybrid) : null;
        _expiresByDeadline = _idleLifetime is not null || _hybrid is not null;
        _idleExpiry = new DeadlineTimer(PlatformEvents.KeepAliveCheck, _function);
        _endOfLife = new DeadlineTimer(PlatformEvents.LifetimeCheck, _function);
        _maxLifetime = scaling.MaxLifetime;
        _initTimeoutSeconds = scaling.InitTimeout?.Seconds ?? double.PositiveInfinity;
        _functionTimeoutSeconds = scaling.FunctionTimeout?.Seconds ?? double.PositiveInfinity;
        _provisionedSchedule = scaling.ProvisionedConcurrency;
    }

    /// <remarks>
    /// Provisioned environments count as active (towards a limit on instances) only while busy: initialising ahead of
    /// traffic, or idle, they hold no request, and they come out of the function's reservation by validation.
    /// </remarks>
    public InstanceCounts Instances
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _provisioned is null
            ? InstanceCounts.Of(_onDemand.Pool)
            : InstanceCounts.Of(_onDemand.Pool) + new InstanceCounts(_provisioned.Pool.Live, _provisioned.Pool.Busy, _provisioned.Pool.Initializing, _provisioned.Pool.Busy);
    }

    public int Concurrency => _invocations.InFlight;

    private int Active
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _onDemand.Pool.Active + (_provisioned?.Pool.Busy ?? 0);
    }

    // Only a limit on instances can be reached by taking an idle environment.
    private bool InstanceLimitReached
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _account.LimitCountsInstances && _account.AdmitInstance(_function, Active) is not null;
    }

    /// <summary>The first invariant of the environments that does not hold, or null.</summary>
    /// <remarks>O(1): the caps (instances, reservation) and the state counts.</remarks>
    public string? Violation()
    {
        var instances = Instances;
        var units = _account.LimitCountsInstances ? instances.Active : Concurrency;
        if (_account.IsReserved(_function) && units > _account.ReservedOf(_function))
        {
            return $"{units} units of the limit, over the reservation of {_account.ReservedOf(_function)}";
        }

        if (_onDemand.Pool.Live > _maxInstances)
        {
            return $"{_onDemand.Pool.Live} on-demand environments, over the cap of {_maxInstances}";
        }

        if (instances.Busy + instances.Initializing > instances.Live || instances.Busy < 0 || instances.Initializing < 0 || instances.Active < instances.Busy)
        {
            return $"{instances.Busy} busy and {instances.Initializing} initialising of {instances.Live} environments";
        }

        return Concurrency > instances.Live * _onDemand.Pool.MaxConcurrent
            ? $"{Concurrency} invocations on {instances.Live} environments of {_onDemand.Pool.MaxConcurrent} slots"
            : null;
    }

    /// <summary>Schedules the environments' first events: the provisioned-concurrency schedule's.</summary>
    public void Start(Simulator simulator) => StartProvisionedSchedule(simulator);

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
            case PlatformEvents.InitFailed:
                OnInitFailed(simulator, target, now);
                return true;
            case PlatformEvents.IdleSweep:
                OnIdleSweep(simulator, now);
                return true;
            case PlatformEvents.KeepAliveCheck:
                OnKeepAliveCheck(simulator, tag, now);
                return true;
            case PlatformEvents.LifetimeCheck:
                OnLifetimeCheck(simulator, tag, now);
                return true;
            case PlatformEvents.ProvisionedChange:
                OnProvisionedChange(simulator, tag, now);
                return true;
            case PlatformEvents.Prewarm:
                OnPrewarm(simulator, tag, now);
                return true;
            default:
                return false;
        }
    }

    public ThrottleReason? TryInvoke(Simulator simulator, double now, double cpu, double io, bool counted, int token)
    {
        if (_account.AdmitInvocationRate(_function, now) is { } tooFast)
        {
            return tooFast;
        }

        if (_account.AdmitRequest(_function, _invocations.InFlight) is { } overLimit)
        {
            return overLimit;
        }

        var code = ChooseReady(now);
        var cold = false;
        if (code == NoEnvironment)
        {
            code = StartingWithRoom();
            if (code == NoEnvironment)
            {
                if (_onDemand.Pool.Live >= _maxInstances)
                {
                    return ThrottleReason.MaxInstances;
                }

                if (_account.AdmitInstance(_function, Active) is { } overInstanceLimit)
                {
                    return overInstanceLimit;
                }

                if (_scalingRate is not null && !_scalingRate.TryStart(now, Active))
                {
                    return ThrottleReason.ScalingRate;
                }

                code = _onDemand.CodeOf(StartEnvironment(simulator, _onDemand, now));
            }

            cold = true;
        }

        _account.TakeInvocationToken(_function);
        if (_hybrid is not null)
        {
            OnFunctionBusy(now);
        }

        var invocation = _invocations.Allocate();
        _invocations.ArrivalSeconds[invocation] = now;
        _invocations.CpuSeconds[invocation] = cpu;
        _invocations.IoSeconds[invocation] = io;
        _invocations.Instance[invocation] = code;
        _invocations.Counted[invocation] = counted;
        _invocations.Token[invocation] = token;
        var group = GroupOf(code);
        var slot = SlotOf(code);
        if (group.Pool.StateOf(slot) == InstanceState.Idle)
        {
            group.Billing.OnInstanceBusy(slot, now);
            if (_expiresByDeadline && !group.Provisioned)
            {
                _idleExpiry.Deadlines.Remove(slot); // Taken: it no longer expires.
            }
        }

        group.Pool.Bind(slot, now);
        if (cold)
        {
            _metrics.OnColdStart(counted, now);
            _accountMetrics?.OnColdStart(counted, now);
            _invocations.NextWaiting[invocation] = group.WaitingHead[slot];
            group.WaitingHead[slot] = invocation;
        }
        else
        {
            StartInvocation(simulator, invocation, group, slot, now);
        }

        return null;
    }

    private const int NoEnvironment = int.MinValue;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private EnvironmentGroup GroupOf(int code) => code >= 0 ? _onDemand : _provisioned!;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SlotOf(int code) => code >= 0 ? code : ~code;

    /// <summary>A ready environment with a free slot that the limits allow, provisioned ones first; or <see cref="NoEnvironment"/>.</summary>
    private int ChooseReady(double now)
    {
        if (_provisioned is not null && ChooseReady(_provisioned, now) is var provisioned and >= 0)
        {
            return _provisioned.CodeOf(provisioned);
        }

        return ChooseReady(_onDemand, now) is var onDemand and >= 0 ? onDemand : NoEnvironment;
    }

    private int ChooseReady(EnvironmentGroup group, double now)
    {
        var ready = group.Pool.Ready;
        var load = _dispatch.ChooseLoad(new DispatchContext(ready, now));
        if (load < 0)
        {
            return -1;
        }

        if (load > 0)
        {
            return ready.Head(load);
        }

        if (InstanceLimitReached)
        {
            // An idle environment would become one more active one: only busy ones with a free slot may serve.
            load = ready.LowestNonEmpty(1);
            return load < 0 ? -1 : ready.Head(load);
        }

        return _idleChoice switch
        {
            IdleEnvironmentChoice.LeastRecentlyUsed => ready.Tail(0),
            IdleEnvironmentChoice.Random => RandomIdle(ready),
            _ => ready.Head(0),
        };
    }

    // One of the idle environments, each equally likely: O(idle), a walk down the recency list.
    private int RandomIdle(LoadBuckets ready)
    {
        var steps = (int)(_policyRandom.NextDouble() * ready.CountAt(0));
        var instance = ready.Head(0);
        for (var i = 0; i < steps; i++)
        {
            instance = ready.Next(instance);
        }

        return instance;
    }

    /// <summary>With many invocations per environment, an on-demand one that is starting and has room; or <see cref="NoEnvironment"/>.</summary>
    /// <remarks>Provisioned environments serve once ready: one still initialising is not yet available (the request spills over on demand).</remarks>
    private int StartingWithRoom() => _onDemand.Pool.Starting.CountAt(0) > 0 ? _onDemand.Pool.Starting.Head(0) : NoEnvironment;
}
