using ServerlessSim.Engine;
using ServerlessSim.Metrics;
using ServerlessSim.Policies.Contention;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Policies.Waiting;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Platform;

/// <summary>
/// One function on a platform where instances serve many requests and an autoscaler decides how many there are
/// (Knative, Cloud Run, Azure Flex Consumption, Lambda Managed Instances): arrivals, dispatch, waiting, execution
/// under contention, scaling ticks and instance failures.
/// </summary>
/// <remarks>
/// Per request: an arrival, a CPU phase shared with the instance's other requests (one event per instance at a
/// time), a completion; a front queue costs one pending timer per function (the oldest waiting request times out
/// first), the autoscaler one tick per interval. Every operation is O(1) or O(K / 64) except the autoscaler's
/// window sums (once a tick). Split by concern: admission here; execution, scaling and failures in the other parts.
/// </remarks>
internal sealed partial class AutoscaledPoolModel : IFunctionModel
{
    private const double MinPokeIntervalSeconds = 1;
    private readonly int _function;
    private readonly FunctionArrivals _arrivals;
    private readonly WorkProfileSampler _work;
    private readonly IDistribution _coldStart;
    private readonly RandomStream _coldStartRandom;
    private readonly IDispatchPolicy _dispatch;
    private readonly RandomStream _dispatchRandom;
    private readonly InstancePool _pool;
    private readonly AvailableInstances _available = new();
    private readonly RequestTable _requests = new();
    private readonly RequestLinks _links = new();
    private readonly ProcessorSharingCpu _cpu;
    private readonly FrontQueue? _queue;
    private readonly IAutoscaler _autoscaler;
    private readonly ScalingMetricsWindow _window;
    private readonly AccountState _account;
    private readonly RunMetrics _metrics;
    private readonly RunMetrics? _accountMetrics;
    private readonly Callers _callers;
    private readonly WaitingKind _waiting;
    private readonly double _queueTimeoutSeconds;
    private readonly int _queueCapacity;
    private readonly double _tickSeconds;
    private readonly double _vCpus;
    private readonly double _soloCpuRate;
    private readonly bool _interference;
    private readonly double _interferenceCpuShare;
    private readonly IDistribution? _memoryPerRequest;
    private readonly RandomStream _memoryRandom;
    private readonly double _memoryBaseMb;
    private readonly double _memoryLimitMb;
    private readonly double _warmUpSeconds;
    private readonly int _maxInstances;
    private int _inFlight;
    private int _withdrawn;
    private double _busyVCpus;
    private int _lastChosen = -1;
    private bool _timeoutPending;
    private bool _pokePending;
    private double _lastPokeSeconds = double.NegativeInfinity;
    private bool _initialised;
    private bool _ticksSuspended;

    /// <param name="settings">The function and the policy, resolved.</param>
    /// <param name="streams">The function's random substreams.</param>
    /// <param name="account">The account's shared limit and load.</param>
    /// <param name="metrics">The function's metrics.</param>
    /// <param name="accountMetrics">The account's metrics when it has several functions (null with one).</param>
    public AutoscaledPoolModel(
        AutoscaledPoolSettings settings, RandomStreams streams, AccountState account, RunMetrics metrics, RunMetrics? accountMetrics)
    {
        var common = settings.Common;
        var function = common.Function;
        _function = common.FunctionIndex;
        _arrivals = new FunctionArrivals(function.Arrivals, streams.Arrivals, common.FunctionIndex, common.HorizonSeconds, inStreamSlot: accountMetrics is null);
        _work = new WorkProfileSampler(function.Work, streams.Work);
        _coldStart = function.ColdStart;
        _coldStartRandom = streams.ColdStart;
        _dispatch = common.Dispatch;
        _dispatchRandom = settings.DispatchRandom;
        _pool = new InstancePool(common.MaxConcurrentPerInstance);
        _vCpus = common.VCpus;
        _soloCpuRate = Math.Min(1.0, common.VCpus);
        var contention = settings.Contention;
        _interference = contention.Kind == ContentionKind.Interference;
        _cpu = _interference ? new ProcessorSharingCpu(common.VCpus, contention.InterferenceAlpha) : new ProcessorSharingCpu(common.VCpus);

        // Under the interference model a job is a whole request; its CPU share of the time sets the vCPUs it is counted as using.
        var cpuTime = function.Work.CpuDemand.Mean / _soloCpuRate;
        var total = cpuTime + function.Work.IoWait.Mean;
        _interferenceCpuShare = total > 0 ? cpuTime / total : 0;
        _memoryPerRequest = contention.Memory?.PerRequestMb;
        _memoryBaseMb = contention.Memory?.BaseMb ?? 0;
        _memoryLimitMb = contention.Memory?.LimitMb ?? function.MemoryMb;
        _memoryRandom = settings.MemoryRandom;

        _waiting = settings.Waiting.Kind;
        _queue = _waiting == WaitingKind.FrontQueue ? new FrontQueue() : null;
        _queueTimeoutSeconds = settings.Waiting.Timeout.Seconds;
        _queueCapacity = settings.Waiting.EffectiveCapacity;
        _autoscaler = ScalingPolicies.Create(settings.Scaling);
        _tickSeconds = settings.Scaling.TickInterval.Seconds;
        _window = new ScalingMetricsWindow(ScalingPolicies.LongestWindowSeconds(settings.Scaling));
        _maxInstances = Math.Min(function.MaxInstances ?? int.MaxValue, settings.Scaling.EffectiveMaxInstances);
        _warmUpSeconds = common.WarmUpSeconds;
        _account = account;
        _metrics = metrics;
        _accountMetrics = accountMetrics;
        _callers = new Callers(_function, function.Invocation, function.ErrorProbability, streams.Retries!, streams.Errors!, metrics, accountMetrics);
    }

    public InstanceCounts Instances => InstanceCounts.Of(_pool);

    public RunMetrics Metrics => _metrics;

    public int InFlight => _inFlight + _callers.Waiting;

    public int Concurrency => _inFlight;

    /// <summary>Instances that count as the pool's size: ready or initialising, not being drained.</summary>
    private int ScaledInstances => _pool.Live - _withdrawn;

    private bool InstanceLimitReached => _account.AdmitInstance(_function, _pool.Active) is not null;

    public string? Violation() => _metrics.Unfinished != InFlight
        ? $"{_metrics.Unfinished} requests arrived and have not ended, but {InFlight} are in flight or waiting to be retried"
        : _pool.Live > _maxInstances && _maxInstances < int.MaxValue
            ? $"{_pool.Live} instances, over the cap of {_maxInstances}"
            : _account.IsReserved(_function) && UnitsOfLimit > _account.ReservedOf(_function)
                ? $"{UnitsOfLimit} units of the limit, over the reservation of {_account.ReservedOf(_function)}"
                : null;

    private int UnitsOfLimit => _account.LimitCountsInstances ? _pool.Active : _inFlight;

    public void Start(Simulator simulator)
    {
        _arrivals.ScheduleNext(simulator);

        // The first tick, at time 0, also makes the instances a deployed service already has.
        simulator.ScheduleAt(0, PlatformEvents.AutoscalerTick, _function, PlatformEvents.RegularTick);
    }

    public void Handle(Simulator simulator, int kind, int target, int tag, double now)
    {
        _metrics.Advance(now, _pool.Live, _pool.Busy, _pool.Initializing, InFlight, _callers.Waiting);
        _window.Advance(now, _inFlight, _busyVCpus);
        switch (kind)
        {
            case PlatformEvents.Arrival:
                OnArrival(simulator, now);
                break;
            case PlatformEvents.RequestDone:
                OnRequestDone(simulator, target, now);
                break;
            case PlatformEvents.CpuDone:
                OnCpuDone(simulator, target, tag, now);
                break;
            case PlatformEvents.InitDone:
                OnInitDone(simulator, target, now);
                break;
            case PlatformEvents.QueueTimeout:
                OnQueueTimeout(simulator, now);
                break;
            case PlatformEvents.AutoscalerTick:
                OnTick(simulator, tag, now);
                break;
            case PlatformEvents.Retry:
                if (_callers.TakeRetry(target, now, out var attempt))
                {
                    Attempt(simulator, now, target, attempt);
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown event kind {kind}.");
        }
    }

    private void OnArrival(Simulator simulator, double now)
    {
        _arrivals.ScheduleNext(simulator);
        if (_ticksSuspended)
        {
            // A pool at rest at zero wakes its autoscaler, which decides at once (the poke).
            _ticksSuspended = false;
            _pokePending = true;
            simulator.ScheduleAt(now, PlatformEvents.AutoscalerTick, _function, PlatformEvents.RegularTick);
        }

        // Work (and memory) are drawn for every request, served or not, so policies on the same seed see the same requests.
        var (cpu, io) = _work.Next();
        var memory = _memoryPerRequest?.Sample(_memoryRandom) ?? 0;
        var counted = now >= _warmUpSeconds;
        _metrics.OnArrival(counted, now);
        _accountMetrics?.OnArrival(counted, now);
        Attempt(simulator, now, Callers.FirstAttempt, new CallerRequest(now, cpu, io, memory, counted));
    }

    private void Attempt(Simulator simulator, double now, int token, in CallerRequest attempt)
    {
        if (_account.AdmitRequest(_function, _inFlight) is { } overLimit)
        {
            _callers.Rejected(simulator, now, token, attempt, overLimit);
            return;
        }

        var instance = ChooseReadyInstance(now);
        if (instance >= 0)
        {
            var request = Admit(token, attempt);
            Bind(request, instance, now);
            StartRequest(simulator, request, instance, now);
            return;
        }

        switch (_waiting)
        {
            case WaitingKind.NewInstance:
                WaitForNewInstance(simulator, now, token, attempt);
                break;
            case WaitingKind.FrontQueue:
                Enqueue(simulator, now, token, attempt);
                break;
            default:
                _callers.Rejected(simulator, now, token, attempt, ThrottleReason.InstanceCapacity);
                break;
        }
    }

    /// <summary>A ready instance with a free slot that the limits allow, or -1.</summary>
    private int ChooseReadyInstance(double now)
    {
        var instance = _dispatch.ChooseInstance(new DispatchContext(_pool, _available, _dispatchRandom, _lastChosen, now));
        if (instance < 0)
        {
            return -1;
        }

        if (_pool.LoadOf(instance) == 0 && InstanceLimitReached)
        {
            // An idle instance would become one more active instance: only busy ones with a free slot may serve.
            var load = _pool.Ready.LowestNonEmpty(1);
            if (load < 0)
            {
                return -1;
            }

            instance = _pool.Ready.Head(load);
        }

        _lastChosen = instance;
        return instance;
    }

    // Lambda's way: join an instance that is starting and has room, or start one, and wait for it.
    private void WaitForNewInstance(Simulator simulator, double now, int token, in CallerRequest attempt)
    {
        int instance;
        if (_pool.Starting.CountAt(0) > 0)
        {
            instance = _pool.Starting.Head(0);
        }
        else if (_pool.Live >= _maxInstances)
        {
            _callers.Rejected(simulator, now, token, attempt, ThrottleReason.MaxInstances);
            return;
        }
        else if (_account.AdmitInstance(_function, _pool.Active) is { } overInstanceLimit)
        {
            _callers.Rejected(simulator, now, token, attempt, overInstanceLimit);
            return;
        }
        else
        {
            instance = StartInstance(simulator, now);
        }

        var request = Admit(token, attempt);
        Bind(request, instance, now);
        _links.Phase[request] = RequestPhase.WaitingForInstance;
        CountColdStart(attempt.Counted, now);
    }

    private void Enqueue(Simulator simulator, double now, int token, in CallerRequest attempt)
    {
        var queue = _queue!;
        if (queue.Count >= _queueCapacity)
        {
            _callers.Rejected(simulator, now, token, attempt, ThrottleReason.QueueFull);
            return;
        }

        var request = Admit(token, attempt);
        _links.Phase[request] = RequestPhase.Queued;
        queue.Enqueue(request);
        EnsureQueueTimeout(simulator);

        // The activator's poke: a request at zero instances, or more waiting than the starting instances will take,
        // makes the autoscaler decide now rather than at its next tick (at most once a second, past the first).
        var outgrown = queue.Count > _pool.Initializing * _pool.MaxConcurrent && now >= _lastPokeSeconds + MinPokeIntervalSeconds;
        if (!_pokePending && (ScaledInstances == 0 || outgrown))
        {
            _pokePending = true;
            _lastPokeSeconds = now;
            simulator.ScheduleAt(now, PlatformEvents.AutoscalerTick, _function, PlatformEvents.Poke);
        }
    }

    private int Admit(int token, in CallerRequest attempt)
    {
        var request = _requests.Allocate();
        _links.EnsureRequest(request);
        _requests.ArrivalSeconds[request] = attempt.ArrivalSeconds;
        _requests.CpuSeconds[request] = attempt.CpuSeconds;
        _requests.IoSeconds[request] = attempt.IoSeconds;
        _requests.Counted[request] = attempt.Counted;
        _requests.Token[request] = token;
        _links.MemoryMb[request] = attempt.MemoryMb;
        _inFlight++;
        return request;
    }

    private void Bind(int request, int instance, double now)
    {
        _requests.Instance[request] = instance;
        var wasIdle = _pool.StateOf(instance) == InstanceState.Idle;
        _pool.Bind(instance, now);
        if (wasIdle)
        {
            _metrics.Billing.OnInstanceBusy(instance, now);
        }

        SyncAvailable(instance);
        _links.Add(request, instance);
    }

    private void SyncAvailable(int instance)
    {
        var state = _pool.StateOf(instance);
        _available.Set(
            instance,
            state is InstanceState.Idle or InstanceState.Busy && !_pool.IsWithdrawn(instance) && _pool.LoadOf(instance) < _pool.MaxConcurrent);
    }

    private void CountColdStart(bool counted, double now)
    {
        _metrics.OnColdStart(counted, now);
        _accountMetrics?.OnColdStart(counted, now);
    }
}
