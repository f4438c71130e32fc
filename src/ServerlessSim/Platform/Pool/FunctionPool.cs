using System.Runtime.CompilerServices;
using ServerlessSim.Engine;
using ServerlessSim.Metrics;
using ServerlessSim.Policies.Contention;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Randomness;

namespace ServerlessSim.Platform.Pool;

/// <summary>The instances of one function and the requests on them: admission, dispatch, execution, completion and failure, for every platform.</summary>
/// <remarks>
/// One pool for per-request scaling (Lambda) and for autoscaled many-requests instances (Knative, Cloud Run,
/// Managed Instances, Flex). What differs between platforms are small strategies it calls: how instances are added
/// (<see cref="IInstanceSupply"/>: per request, or an autoscaler's ticks), where a request waits when no ready
/// instance can take it (<see cref="IWaitingRule"/>), when idle instances go (<see cref="IIdleExpiry"/>, in
/// <see cref="InstanceLifecycle"/>). An invocation takes a free provisioned instance, else a free on-demand one
/// chosen by the dispatch rule, else waits by the rule. Per request: one completion event, plus (with a shared
/// CPU) a share of its instance's CPU events.
/// </remarks>
internal sealed class FunctionPool : IInvocationTarget
{
    private const int NoInstance = int.MinValue;
    private readonly IDispatchPolicy _dispatch;
    private readonly RandomStream? _dispatchRandom;
    private readonly RandomStream _policyRandom;
    private readonly IdleEnvironmentChoice _idleChoice;
    private readonly IInvocationCaller _caller;
    private readonly double _soloCpuRate;
    private readonly double _vCpus;
    private readonly double _functionTimeoutSeconds;
    private readonly bool _interference;
    private readonly double _interferenceCpuShare;
    private readonly bool _memoryLimited;
    private readonly double _memoryBaseMb;
    private readonly double _memoryLimitMb;
    private readonly IWaitingRule _waiting;
    private int _lastChosen = -1;
    private int[] _finished = new int[16];

    /// <param name="settings">The function and the policy, resolved.</param>
    /// <param name="streams">The function's random substreams (cold starts, policy draws).</param>
    /// <param name="account">The account's shared limit and load.</param>
    /// <param name="metrics">Where the function's (and the account's) metrics are fed.</param>
    /// <param name="caller">Told when each invocation ends.</param>
    public FunctionPool(PoolSettings settings, RandomStreams streams, AccountState account, MetricsSink metrics, IInvocationCaller caller)
    {
        var function = settings.Function;
        var contention = settings.Contention;
        Function = settings.FunctionIndex;
        Account = account;
        Metrics = metrics;
        _caller = caller;
        _dispatch = settings.Dispatch;
        _dispatchRandom = settings.DispatchRandom;
        _policyRandom = streams.Policy!;
        _idleChoice = settings.Scaling.IdleChoice;
        _vCpus = settings.VCpus;
        _soloCpuRate = Math.Min(1.0, settings.VCpus);
        _functionTimeoutSeconds = settings.Scaling.FunctionTimeout?.Seconds ?? double.PositiveInfinity;
        _interference = contention.Kind == ContentionKind.Interference;

        // Under the interference model a job is a whole request; its CPU share of the time sets the vCPUs it is counted as using.
        var cpuTime = function.Work.CpuDemand.Mean / _soloCpuRate;
        var total = cpuTime + function.Work.IoWait.Mean;
        _interferenceCpuShare = total > 0 ? cpuTime / total : 0;
        _memoryLimited = contention.Memory is not null;
        _memoryBaseMb = contention.Memory?.BaseMb ?? 0;
        _memoryLimitMb = contention.Memory?.LimitMb ?? function.MemoryMb;
        MaxInstances = settings.MaxInstances;

        var k = settings.MaxConcurrentPerInstance;
        OnDemand = new InstanceGroup(k, CreateCpu(settings), metrics.Function.Billing, provisioned: false, instanceView: settings.Autoscaling is not null);
        Provisioned = settings.Scaling.ProvisionedConcurrency is null || settings.Autoscaling is not null
            ? null
            : new InstanceGroup(k, CreateCpu(settings), metrics.Function.ProvisionedBilling, provisioned: true, instanceView: false);
        Lifecycle = new InstanceLifecycle(this, settings, streams);
        Supply = PoolStrategies.CreateSupply(this, settings);
        _waiting = PoolStrategies.CreateWaiting(this, settings);
    }

    public int Function { get; }

    public AccountState Account { get; }

    public MetricsSink Metrics { get; }

    public InstanceGroup OnDemand { get; }

    /// <summary>Provisioned environments (per-request scaling with a provisioned-concurrency schedule), or null.</summary>
    public InstanceGroup? Provisioned { get; }

    public InstanceLifecycle Lifecycle { get; }

    public IInstanceSupply Supply { get; }

    public PoolRequests Requests { get; } = new();

    /// <summary>The cap on on-demand instances (the function's, and the autoscaler's).</summary>
    public int MaxInstances { get; }

    /// <summary>Requests admitted and not yet ended: executing, waiting for an instance, or queued.</summary>
    public int Concurrency { get; private set; }

    /// <summary>vCPUs per instance.</summary>
    public double VCpus => _vCpus;

    /// <summary>vCPUs in use on the pool's instances, for an autoscaler that scales on CPU.</summary>
    public double BusyVCpus { get; private set; }

    /// <remarks>
    /// Provisioned environments count as active (towards a limit on instances) only while busy: initialising ahead of
    /// traffic, or idle, they hold no request, and they come out of the function's reservation by validation.
    /// </remarks>
    public InstanceCounts Instances
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Provisioned is null
            ? InstanceCounts.Of(OnDemand.Pool)
            : InstanceCounts.Of(OnDemand.Pool) + new InstanceCounts(Provisioned.Pool.Live, Provisioned.Pool.Busy, Provisioned.Pool.Initializing, Provisioned.Pool.Busy);
    }

    /// <summary>Instances that count towards a limit on instances.</summary>
    public int Active
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => OnDemand.Pool.Active + (Provisioned?.Pool.Busy ?? 0);
    }

    /// <summary>Whether one more active instance would break a limit on instances (so an idle one may not be taken).</summary>
    public bool InstanceLimitReached
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Account.AdmitInstance(Function, Active) is not null;
    }

    /// <summary>The first invariant of the pool that does not hold, or null.</summary>
    /// <remarks>O(1): the caps (instances, reservation) and the state counts.</remarks>
    public string? Violation()
    {
        var instances = Instances;
        var units = Account.LimitCountsInstances ? instances.Active : Concurrency;
        if (Account.IsReserved(Function) && units > Account.ReservedOf(Function))
        {
            return $"{units} units of the limit, over the reservation of {Account.ReservedOf(Function)}";
        }

        if (OnDemand.Pool.Live > MaxInstances)
        {
            return $"{OnDemand.Pool.Live} on-demand instances, over the cap of {MaxInstances}";
        }

        if (instances.Busy + instances.Initializing > instances.Live || instances.Busy < 0 || instances.Initializing < 0 || instances.Active < instances.Busy)
        {
            return $"{instances.Busy} busy and {instances.Initializing} initialising of {instances.Live} instances";
        }

        var queued = _waiting.Queued;
        return Concurrency - queued > instances.Live * OnDemand.Pool.MaxConcurrent
            ? $"{Concurrency - queued} requests on {instances.Live} instances of {OnDemand.Pool.MaxConcurrent} slots"
            : null;
    }

    /// <summary>Schedules the pool's first events (a provisioned schedule's, an autoscaler's first tick).</summary>
    public void Start(Simulator simulator) => Supply.Start(simulator);

    /// <summary>Called before each of the function's events, with the load as it was until now.</summary>
    public void Advance(double now) => Supply.Advance(now);

    /// <summary>A request reached the platform (before it is invoked).</summary>
    public void OnArrival(Simulator simulator, double now) => Supply.OnArrival(simulator, now);

    /// <summary>Handles the pool's own events; false if <paramref name="kind"/> is not one of them.</summary>
    public bool TryHandle(Simulator simulator, int kind, int target, int tag, double now)
    {
        switch (kind)
        {
            case PlatformEvents.RequestDone:
                OnRequestDone(simulator, target, now);
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
            default:
                return _waiting.TryHandle(simulator, kind, now)
                    || Supply.TryHandle(simulator, kind, tag, now)
                    || Lifecycle.TryHandle(simulator, kind, tag, now);
        }
    }

    public ThrottleReason? TryInvoke(Simulator simulator, double now, int token, in CallerRequest work)
    {
        if (Account.AdmitInvocationRate(Function, now) is { } tooFast)
        {
            return tooFast;
        }

        if (Account.AdmitRequest(Function, Concurrency) is { } overLimit)
        {
            return overLimit;
        }

        var code = ChooseReady(now);
        if (code == NoInstance)
        {
            return _waiting.Wait(simulator, now, token, work);
        }

        var request = Admit(token, work, now);
        Bind(request, code, now);
        Execute(simulator, request, code, now);
        return null;
    }

    /// <summary>Takes in a request the limits allowed: it holds a slot of the pool from now until it ends.</summary>
    public int Admit(int token, in CallerRequest work, double now)
    {
        Account.TakeInvocationToken(Function);
        Lifecycle.Expiry.OnInvoked(Concurrency, now);
        Concurrency++;
        return Requests.Allocate(work, token);
    }

    /// <summary>Binds an admitted request to the instance with code <paramref name="code"/> (ready, or starting: it then waits for it).</summary>
    public void Bind(int request, int code, double now)
    {
        var (group, slot) = GroupOf(code);
        Requests.Instance[request] = code;
        if (group.Pool.StateOf(slot) == InstanceState.Idle)
        {
            group.Billing.OnInstanceBusy(slot, now);
            if (!group.Provisioned)
            {
                Lifecycle.Expiry.Forget(slot); // Taken: it no longer expires.
            }
        }

        group.Pool.Bind(slot, now);
        group.SyncAvailable(slot);
        group.Link(Requests, request, slot);
        if (group.Pool.StateOf(slot) == InstanceState.Initializing)
        {
            Requests.Phase[request] = RequestPhase.WaitingForInstance;
        }
    }

    /// <summary>A cold start of a request that waits for its instance to initialise.</summary>
    public void CountColdStart(bool counted, double now)
    {
        Metrics.OnColdStart(counted, now);
    }

    /// <summary>An on-demand instance that is starting and has room, or -1.</summary>
    /// <remarks>Provisioned environments serve once ready: one still initialising is not yet available (the request spills over on demand).</remarks>
    public int StartingWithRoom() => OnDemand.Pool.Starting.CountAt(0) > 0 ? OnDemand.Pool.Starting.Head(0) : -1;

    /// <summary>Starts a bound request on its ready instance; false if it took the instance past its memory limit (both failed).</summary>
    public bool Execute(Simulator simulator, int request, int code, double now)
    {
        var (group, slot) = GroupOf(code);
        var requests = Requests;
        if (_memoryLimited)
        {
            group.MemoryInUseMb[slot] += requests.MemoryMb[request];
            if (_memoryBaseMb + group.MemoryInUseMb[slot] > _memoryLimitMb)
            {
                requests.Phase[request] = RequestPhase.Cpu;
                FailInstance(group, slot, now);
                return false;
            }
        }

        requests.StartSeconds[request] = now;
        var cpu = requests.CpuSeconds[request];
        var cpus = group.Cpu;
        if (cpus is null)
        {
            // Alone on its instance: the CPU phase runs at the instance's share, capped at one vCPU.
            ScheduleDone(simulator, request, now, now + (cpu / _soloCpuRate) + requests.IoSeconds[request]);
            return true;
        }

        // Under the interference model the whole request is one job at the instance's speed; else its CPU phase is.
        var demand = _interference ? (cpu / _soloCpuRate) + requests.IoSeconds[request] : cpu;
        if (demand <= 0)
        {
            ScheduleDone(simulator, request, now, now + requests.IoSeconds[request]);
            return true;
        }

        requests.Phase[request] = RequestPhase.Cpu;
        var jobs = cpus.JobsOn(slot);
        if (cpus.Join(slot, request, demand, now))
        {
            IssueCpuEvent(simulator, group, slot);
        }

        UpdateBusyVCpus(jobs, jobs + 1);
        return true;
    }

    /// <summary>A request timed out in a front queue: it leaves the pool, and its caller is told.</summary>
    public void TimeOut(int request)
    {
        var counted = Requests.Counted[request];
        Metrics.OnTimeout(counted);
        _caller.OnInvocationAbandoned(Requests.Token[request]);
        Requests.Release(request);
        Concurrency--;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (InstanceGroup Group, int Slot) GroupOf(int code) => code >= 0 ? (OnDemand, code) : (Provisioned!, ~code);

    /// <summary>Schedules a request's end on its own (no shared CPU); a run over the function timeout is cut there.</summary>
    private void ScheduleDone(Simulator simulator, int request, double now, double end)
    {
        Requests.Phase[request] = RequestPhase.Io;
        if (end - now > _functionTimeoutSeconds)
        {
            Requests.TimedOut[request] = true;
            end = now + _functionTimeoutSeconds;
        }

        simulator.ScheduleAt(end, PlatformEvents.RequestDone, request, Function);
    }

    /// <summary>A ready instance with a free slot that the limits allow, provisioned ones first; or <see cref="NoInstance"/>.</summary>
    private int ChooseReady(double now)
    {
        if (Provisioned is not null && ChooseReady(Provisioned, now) is var provisioned and >= 0)
        {
            return Provisioned.CodeOf(provisioned);
        }

        return ChooseReady(OnDemand, now) is var onDemand and >= 0 ? onDemand : NoInstance;
    }

    private int ChooseReady(InstanceGroup group, double now)
    {
        var ready = group.Pool.Ready;
        int instance;
        if (group.View is null)
        {
            // Load groups only (per-request scaling): the rule picks a group, the pool its most recently used instance.
            var load = _dispatch.ChooseLoad(new DispatchContext(ready, now));
            if (load < 0)
            {
                return -1;
            }

            instance = ready.Head(load);
        }
        else
        {
            instance = _dispatch.ChooseInstance(new DispatchContext(group.Pool, group.View, _dispatchRandom!, _lastChosen, now));
            if (instance < 0)
            {
                return -1;
            }
        }

        if (group.Pool.LoadOf(instance) == 0)
        {
            if (InstanceLimitReached)
            {
                // An idle instance would become one more active one: only busy ones with a free slot may serve.
                var load = ready.LowestNonEmpty(1);
                if (load < 0)
                {
                    return -1;
                }

                instance = ready.Head(load);
            }
            else if (_idleChoice != IdleEnvironmentChoice.MostRecentlyUsed)
            {
                instance = _idleChoice == IdleEnvironmentChoice.LeastRecentlyUsed ? ready.Tail(0) : RandomIdle(ready);
            }
        }

        if (group.View is not null)
        {
            _lastChosen = instance;
        }

        return instance;
    }

    // One of the idle instances, each equally likely: O(idle), a walk down the recency list.
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

    private void IssueCpuEvent(Simulator simulator, InstanceGroup group, int slot)
    {
        var (time, version) = group.Cpu!.IssueEvent(slot);
        simulator.ScheduleAt(time, PlatformEvents.CpuDone, group.InstanceIds[slot], version);
    }

    private void OnCpuDone(Simulator simulator, int code, int version, double now)
    {
        var (group, slot) = GroupOf(code);
        var cpu = group.Cpu!;
        if (!cpu.IsCurrent(slot, version))
        {
            return; // Superseded by an event issued for an earlier finish, or its instance failed.
        }

        var jobs = cpu.JobsOn(slot);
        EnsureFinishedCapacity(jobs);
        var done = cpu.CompleteDue(slot, now, _finished);
        UpdateBusyVCpus(jobs, jobs - done);
        for (var i = 0; i < done; i++)
        {
            var request = _finished[i];
            Requests.Phase[request] = RequestPhase.Io;
            var io = _interference ? 0 : Requests.IoSeconds[request];
            simulator.ScheduleAt(now + io, PlatformEvents.RequestDone, request, Function);
        }

        if (cpu.JobsOn(slot) > 0)
        {
            IssueCpuEvent(simulator, group, slot);
        }
    }

    private void OnRequestDone(Simulator simulator, int request, double now)
    {
        var requests = Requests;
        if (requests.Phase[request] == RequestPhase.FailedPending)
        {
            requests.Release(request); // Already counted as failed with its instance.
            return;
        }

        var code = requests.Instance[request];
        var (group, slot) = GroupOf(code);
        var execution = now - requests.StartSeconds[request];

        // Sharing a CPU, a request that ran over the function timeout is failed when it ends (an approximation).
        var finished = Finished(request, requests.TimedOut[request] || execution > _functionTimeoutSeconds);
        Metrics.OnExecution(finished.Counted, execution, finished.CpuSeconds, group.Provisioned);
        group.Unlink(requests, request, slot);
        if (_memoryLimited)
        {
            group.MemoryInUseMb[slot] = group.Head[slot] == PoolRequests.None ? 0 : group.MemoryInUseMb[slot] - requests.MemoryMb[request];
        }

        requests.Release(request);
        Concurrency--;
        var pool = group.Pool;
        var withdrawn = pool.IsWithdrawn(slot);
        if (withdrawn)
        {
            if (pool.UnbindWithdrawn(slot, now))
            {
                group.Billing.OnInstanceIdle(slot, now);
                Lifecycle.Remove(group, slot, now);
            }
        }
        else
        {
            var idle = pool.Unbind(slot, now);
            group.SyncAvailable(slot);
            if (idle)
            {
                group.Billing.OnInstanceIdle(slot, now);
                Lifecycle.OnIdle(simulator, group, slot, now);
            }
        }

        _caller.OnInvocationDone(simulator, now, in finished);
        if (!withdrawn)
        {
            _waiting.OnSlotsFree(simulator, code, now, cold: false);
        }

        Lifecycle.Expiry.OnRequestsEnded(simulator, Concurrency, now);
    }

    private void OnInitDone(Simulator simulator, int code, double now)
    {
        var (group, slot) = GroupOf(code);
        group.Pool.MarkReady(slot, now);
        group.Billing.OnInstanceReady(slot, now, group.Pool.LoadOf(slot) > 0);
        group.SyncAvailable(slot);

        // Requests bound while it started run now, newest first; if one takes it past its memory limit, the
        // instance fails with all of them.
        var request = group.Head[slot];
        while (request != PoolRequests.None)
        {
            var next = Requests.Next[request];
            if (!Execute(simulator, request, code, now))
            {
                return;
            }

            request = next;
        }

        if (group.RetireWhenReady[slot])
        {
            Lifecycle.Retire(group, slot, now);
            return;
        }

        _waiting.OnSlotsFree(simulator, code, now, cold: true);
        if (group.Pool.StateOf(slot) == InstanceState.Idle)
        {
            Lifecycle.OnIdle(simulator, group, slot, now);
        }
    }

    /// <summary>The second initialisation ran over too: the requests waiting for the instance fail, and it goes.</summary>
    private void OnInitFailed(Simulator simulator, int code, double now)
    {
        var (group, slot) = GroupOf(code);
        var request = group.Head[slot];
        group.Head[slot] = PoolRequests.None;
        group.Pool.MarkReady(slot, now);
        var load = group.Pool.LoadOf(slot);
        group.Billing.OnInstanceReady(slot, now, load > 0);
        if (load > 0)
        {
            group.Billing.OnInstanceIdle(slot, now);
        }

        Lifecycle.Remove(group, slot, now);
        while (request != PoolRequests.None)
        {
            var next = Requests.Next[request];
            var finished = Finished(request, failed: true);
            Requests.Release(request);
            Concurrency--;
            _caller.OnInvocationDone(simulator, now, in finished);
            request = next;
        }

        Lifecycle.Expiry.OnRequestsEnded(simulator, Concurrency, now);
    }

    /// <summary>The instance fails: its requests fail (each counted once), its CPU events go stale, its slot is freed.</summary>
    /// <remarks>
    /// A request waiting on IO still has its completion event pending, so its slot is released only when that event
    /// fires; every other request's slot is released at once. No request is lost: each arrival ends completed,
    /// throttled, timed out or failed.
    /// </remarks>
    private void FailInstance(InstanceGroup group, int slot, double now)
    {
        Metrics.OnInstanceFailure(now);
        if (group.Cpu is { } cpu)
        {
            var jobs = cpu.JobsOn(slot);
            EnsureFinishedCapacity(jobs);
            cpu.Evict(slot, _finished);
            UpdateBusyVCpus(jobs, 0);
        }

        var requests = Requests;
        var request = group.Head[slot];
        while (request != PoolRequests.None)
        {
            var next = requests.Next[request];
            var counted = requests.Counted[request];
            Metrics.OnRequestFailed(counted);
            _caller.OnInvocationAbandoned(requests.Token[request]);
            Concurrency--;
            if (requests.Phase[request] == RequestPhase.Io)
            {
                requests.Phase[request] = RequestPhase.FailedPending;
            }
            else
            {
                requests.Release(request);
            }

            request = next;
        }

        group.Head[slot] = PoolRequests.None;
        group.MemoryInUseMb[slot] = 0;

        // Its busy stretch ends with its life.
        if (group.Pool.LoadOf(slot) > 0)
        {
            group.Billing.OnInstanceIdle(slot, now);
        }

        Lifecycle.Remove(group, slot, now);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private FinishedInvocation Finished(int request, bool failed) => new(
        Requests.Token[request],
        Requests.Counted[request],
        Requests.ArrivalSeconds[request],
        Requests.CpuSeconds[request],
        Requests.IoSeconds[request],
        failed,
        Requests.MemoryMb[request]);

    // vCPUs in use on an instance with n jobs: min(n, c) under processor sharing; under the interference model the
    // same, scaled by the CPU share of a request's time (a job there is a whole request).
    private void UpdateBusyVCpus(int jobsBefore, int jobsAfter)
    {
        var share = _interference ? _interferenceCpuShare : 1.0;
        BusyVCpus += (Math.Min(jobsAfter, _vCpus) - Math.Min(jobsBefore, _vCpus)) * share;
    }

    private void EnsureFinishedCapacity(int jobs)
    {
        if (_finished.Length < jobs)
        {
            _finished = new int[jobs * 2];
        }
    }

    // Autoscaled pools share every instance's CPU among its requests (with the contention model); per-request
    // scaling shares it only with many requests per instance.
    private static ProcessorSharingCpu? CreateCpu(PoolSettings settings) =>
        settings.Autoscaling is not null
            ? settings.Contention.Kind == ContentionKind.Interference
                ? new ProcessorSharingCpu(settings.VCpus, settings.Contention.InterferenceAlpha)
                : new ProcessorSharingCpu(settings.VCpus)
            : settings.MaxConcurrentPerInstance > 1 ? new ProcessorSharingCpu(settings.VCpus) : null;
}
