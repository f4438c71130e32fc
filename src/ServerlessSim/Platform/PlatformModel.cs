using ServerlessSim.Engine;
using ServerlessSim.Metrics;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Platform;

/// <summary>One function of an account on one platform policy: arrivals, dispatch, limits, cold starts, execution, expiry.</summary>
/// <remarks>
/// Per request: one arrival event, one completion event, plus (with many requests per instance) a share of its
/// instance's CPU events. Idle expiry costs one pending event per function, not one per idle period: idle
/// instances are kept in the order they went idle and the sweep always targets the oldest. The
/// <see cref="AccountModel"/> routes events here; the account limit is checked against the account's totals.
/// </remarks>
internal sealed class PlatformModel : IFunctionModel
{
    private const int NoRequest = -1;

    private readonly int _function;
    private readonly IArrivalStream _arrivals;
    private readonly WorkProfileSampler _work;
    private readonly IDistribution _coldStart;
    private readonly RandomStream _coldStartRandom;
    private readonly IDispatchPolicy _dispatch;
    private readonly InstancePool _pool;
    private readonly RequestTable _requests = new();
    private readonly ProcessorSharingCpu? _sharedCpu;
    private readonly AccountState _account;
    private readonly RunMetrics _metrics;
    private readonly RunMetrics? _accountMetrics;
    private readonly double _soloCpuRate;
    private readonly double _keepAliveSeconds;
    private readonly double _warmUpSeconds;
    private readonly double _horizonSeconds;
    private readonly bool _arrivalsInStreamSlot;
    private readonly int _maxInstances;
    private int[] _finished = new int[16];

    // Per instance, the first of the requests waiting for it to finish initialising (linked through NextWaiting).
    private int[] _waitingHead = new int[16];

    // Per instance slot, its account-wide id for CPU events (slots are registered in order, once).
    private int[] _instanceIds = new int[16];
    private int _registeredInstances;
    private bool _sweepPending;

    /// <param name="settings">The function and the policy, resolved.</param>
    /// <param name="streams">The function's random substreams.</param>
    /// <param name="account">The account's shared limit and load.</param>
    /// <param name="metrics">The function's metrics.</param>
    /// <param name="accountMetrics">The account's metrics when it has several functions (null with one: the function's are the account's).</param>
    public PlatformModel(
        PlatformModelSettings settings, RandomStreams streams, AccountState account, RunMetrics metrics, RunMetrics? accountMetrics)
    {
        var function = settings.Function;
        _function = settings.FunctionIndex;
        _arrivals = function.Arrivals.CreateStream(streams.Arrivals);
        _work = new WorkProfileSampler(function.Work, streams.Work);
        _coldStart = function.ColdStart;
        _coldStartRandom = streams.ColdStart;
        _dispatch = settings.Dispatch;
        _pool = new InstancePool(settings.MaxConcurrentPerInstance);
        _sharedCpu = settings.MaxConcurrentPerInstance > 1 ? new ProcessorSharingCpu(settings.VCpus) : null;
        _soloCpuRate = Math.Min(1.0, settings.VCpus);
        _keepAliveSeconds = function.KeepAlive.Seconds;
        _warmUpSeconds = settings.WarmUpSeconds;
        _horizonSeconds = settings.HorizonSeconds;
        _account = account;
        _maxInstances = function.MaxInstances ?? int.MaxValue;
        _metrics = metrics;
        _accountMetrics = accountMetrics;

        // The simulator's stream slot holds one source; with several functions arrivals go through the queue.
        _arrivalsInStreamSlot = accountMetrics is null;
    }

    public InstancePool Pool => _pool;

    public RunMetrics Metrics => _metrics;

    public int InFlight => _requests.InFlight;

    public void Start(Simulator simulator) => ScheduleNextArrival(simulator);

    /// <summary>Handles one event of this function (<paramref name="target"/> already translated to the function's own index).</summary>
    public void Handle(Simulator simulator, int kind, int target, int tag, double now)
    {
        _metrics.Advance(now, _pool.Live, _pool.Busy, _pool.Initializing, _requests.InFlight);
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
            case PlatformEvents.IdleSweep:
                OnIdleSweep(simulator, now);
                break;
            default:
                throw new InvalidOperationException($"Unknown event kind {kind}.");
        }
    }

    private void ScheduleNextArrival(Simulator simulator)
    {
        var next = _arrivals.Next();
        if (next < _horizonSeconds)
        {
            if (_arrivalsInStreamSlot)
            {
                simulator.ScheduleStream(next, PlatformEvents.Arrival, _function);
            }
            else
            {
                simulator.ScheduleAt(next, PlatformEvents.Arrival, _function);
            }
        }
    }

    private void OnArrival(Simulator simulator, double now)
    {
        ScheduleNextArrival(simulator);

        // Work is drawn for every request, served or not, so that policies on the same seed see the same requests.
        var (cpu, io) = _work.Next();
        var counted = now >= _warmUpSeconds;
        _metrics.OnArrival(counted, now);
        _accountMetrics?.OnArrival(counted, now);

        if (!_account.LimitCountsInstances && _account.OtherInFlight + _requests.InFlight >= _account.ConcurrencyLimit)
        {
            Throttle(counted, ThrottleReason.AccountConcurrency, now);
            return;
        }

        var instance = ChooseReadyInstance(now);
        var cold = false;
        if (instance < 0)
        {
            if (_pool.Starting.CountAt(0) > 0)
            {
                // With many requests per instance, join an instance that is already starting before starting another.
                instance = _pool.Starting.Head(0);
            }
            else if (_pool.Live >= _maxInstances)
            {
                Throttle(counted, ThrottleReason.MaxInstances, now);
                return;
            }
            else if (InstanceLimitReached)
            {
                Throttle(counted, ThrottleReason.AccountConcurrency, now);
                return;
            }
            else
            {
                instance = StartInstance(simulator, now);
            }

            cold = true;
        }

        var request = _requests.Allocate();
        _requests.ArrivalSeconds[request] = now;
        _requests.CpuSeconds[request] = cpu;
        _requests.IoSeconds[request] = io;
        _requests.Instance[request] = instance;
        _requests.Counted[request] = counted;
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
            _requests.NextWaiting[request] = _waitingHead[instance];
            _waitingHead[instance] = request;
        }
        else
        {
            StartRequest(simulator, request, instance, now);
        }
    }

    private bool InstanceLimitReached =>
        _account.LimitCountsInstances && _account.OtherActiveInstances + _pool.Active >= _account.ConcurrencyLimit;

    private void Throttle(bool counted, ThrottleReason reason, double now)
    {
        _metrics.OnThrottle(counted, reason, now);
        _accountMetrics?.OnThrottle(counted, reason, now);
    }

    /// <summary>A ready instance with a free slot that the limits allow, or -1.</summary>
    private int ChooseReadyInstance(double now)
    {
        var load = _dispatch.ChooseLoad(new DispatchContext(_pool.Ready, now));
        if (load < 0)
        {
            return -1;
        }

        if (load == 0 && InstanceLimitReached)
        {
            // An idle instance would become one more active instance: only busy ones with a free slot may serve.
            load = _pool.Ready.LowestNonEmpty(1);
            if (load < 0)
            {
                return -1;
            }
        }

        return _pool.Ready.Head(load);
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
        var request = _waitingHead[instance];
        _waitingHead[instance] = NoRequest;
        while (request != NoRequest)
        {
            var next = _requests.NextWaiting[request];
            StartRequest(simulator, request, instance, now);
            request = next;
        }

        if (_pool.LoadOf(instance) == 0)
        {
            EnsureSweep(simulator, now);
        }
    }

    private void StartRequest(Simulator simulator, int request, int instance, double now)
    {
        _requests.StartSeconds[request] = now;
        var cpu = _requests.CpuSeconds[request];
        if (_sharedCpu is null || cpu <= 0)
        {
            // Alone on its instance: the CPU phase runs at the instance's share, capped at one vCPU.
            simulator.ScheduleAt(now + (cpu / _soloCpuRate) + _requests.IoSeconds[request], PlatformEvents.RequestDone, request, _function);
            return;
        }

        if (_sharedCpu.Join(instance, request, cpu, now))
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
            var request = _finished[i];
            simulator.ScheduleAt(now + _requests.IoSeconds[request], PlatformEvents.RequestDone, request, _function);
        }

        if (cpu.JobsOn(instance) > 0)
        {
            IssueCpuEvent(simulator, instance);
        }
    }

    private void OnRequestDone(Simulator simulator, int request, double now)
    {
        var instance = _requests.Instance[request];
        var counted = _requests.Counted[request];
        var latency = now - _requests.ArrivalSeconds[request];
        var execution = now - _requests.StartSeconds[request];
        var cpu = _requests.CpuSeconds[request];
        _metrics.OnCompletion(counted, now, latency, execution, cpu);
        _accountMetrics?.OnCompletion(counted, now, latency, execution, cpu);
        _requests.Release(request);
        if (_pool.Unbind(instance, now))
        {
            _metrics.Billing.OnInstanceIdle(instance, now);
            EnsureSweep(simulator, now);
        }
    }

    private void EnsureSweep(Simulator simulator, double now)
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
                EnsureSweep(simulator, now);
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
