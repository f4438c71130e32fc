using ServerlessSim.Engine;
using ServerlessSim.Metrics;
using ServerlessSim.Platform.Pool;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Platform;

/// <summary>One function of an account that its clients call directly: their requests arrive, invoke its <see cref="FunctionPool"/>, and are retried as their callers do.</summary>
/// <remarks>
/// Per request: one arrival event (each schedules the next), then the pool's events; a request its callers retry
/// has one <see cref="PlatformEvents.Retry"/> event per retry (<see cref="Callers"/>). The same model serves every
/// platform: what differs is the pool's strategies. The <see cref="AccountModel"/> routes events here; the account
/// limit is checked against the account's totals.
/// </remarks>
internal sealed class DirectInvocationModel : IFunctionModel, IInvocationCaller
{
    private readonly FunctionArrivals _arrivals;
    private readonly WorkProfileSampler _work;
    private readonly IDistribution? _memoryPerRequest;
    private readonly RandomStream? _memoryRandom;
    private readonly FunctionPool _pool;
    private readonly Callers _callers;
    private readonly MetricsSink _sink;

    /// <param name="settings">The function and the policy, resolved.</param>
    /// <param name="streams">The function's random substreams.</param>
    /// <param name="account">The account's shared limit and load.</param>
    /// <param name="sink">Where the function's (and the account's) metrics are fed.</param>
    public DirectInvocationModel(PoolSettings settings, RandomStreams streams, AccountState account, MetricsSink sink)
    {
        var function = settings.Function;
        var index = settings.FunctionIndex;
        _arrivals = new FunctionArrivals(function.Arrivals, streams.Arrivals, index, settings.HorizonSeconds, inStreamSlot: !sink.SharesAccount);
        _work = new WorkProfileSampler(function.Work, streams.Work);
        _memoryPerRequest = settings.Contention.Memory?.PerRequestMb;
        _memoryRandom = settings.MemoryRandom;
        _pool = new FunctionPool(settings, streams, account, sink, this);
        _callers = new Callers(index, function.Invocation, function.ErrorProbability, streams.Retries!, streams.Errors!, sink);
        _sink = sink;
        Metrics = sink.Function;
    }

    public InstanceCounts Instances => _pool.Instances;

    public RunMetrics Metrics { get; }

    public int InFlight => _pool.Concurrency + _callers.Waiting;

    public int Concurrency => _pool.Concurrency;

    public string? Violation() =>
        Metrics.Unfinished != InFlight
            ? $"{Metrics.Unfinished} requests arrived and have not ended, but {InFlight} are in flight or waiting to be retried"
            : _pool.Violation();

    public void Start(Simulator simulator)
    {
        _arrivals.ScheduleNext(simulator);
        _pool.Start(simulator);
    }

    /// <summary>Handles one event of this function (<paramref name="target"/> already translated to the function's own index).</summary>
    public void Handle(Simulator simulator, int kind, int target, int tag, double now)
    {
        var instances = _pool.Instances;
        Metrics.Advance(now, instances.Live, instances.Busy, instances.Initializing, InFlight, _callers.Waiting);
        _pool.Advance(now);
        switch (kind)
        {
            case PlatformEvents.Arrival:
                OnArrival(simulator, now);
                break;
            case PlatformEvents.Retry:
                if (_callers.TakeRetry(target, now, out var attempt))
                {
                    Attempt(simulator, now, target, attempt);
                }

                break;
            default:
                if (!_pool.TryHandle(simulator, kind, target, tag, now))
                {
                    throw new InvalidOperationException($"Unknown event kind {kind}.");
                }

                break;
        }
    }

    public void OnInvocationDone(Simulator simulator, double now, in FinishedInvocation invocation) =>
        _callers.Executed(
            simulator,
            now,
            invocation.Token,
            new CallerRequest(invocation.InvokedAtSeconds, invocation.CpuSeconds, invocation.IoSeconds, invocation.MemoryMb, invocation.Counted),
            invocation.FailedOnPlatform);

    public void OnInvocationAbandoned(int token) => _callers.Ended(token);

    private void OnArrival(Simulator simulator, double now)
    {
        _arrivals.ScheduleNext(simulator);
        _pool.OnArrival(simulator, now);

        // Work (and memory) are drawn for every request, served or not, so that policies on the same seed see the same requests.
        var (cpu, io) = _work.Next();
        var memory = _memoryPerRequest?.Sample(_memoryRandom!) ?? 0;
        var counted = _sink.Counts(now);
        _sink.OnArrival(counted, now);
        Attempt(simulator, now, Callers.FirstAttempt, new CallerRequest(now, cpu, io, memory, counted));
    }

    private void Attempt(Simulator simulator, double now, int token, in CallerRequest attempt)
    {
        if (_pool.TryInvoke(simulator, now, token, attempt) is { } reason)
        {
            _callers.Rejected(simulator, now, token, attempt, reason);
        }
    }
}
