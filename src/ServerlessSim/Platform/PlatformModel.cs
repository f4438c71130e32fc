using ServerlessSim.Engine;
using ServerlessSim.Metrics;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Platform;

/// <summary>One function of an account under per-request scaling (AWS Lambda): its callers' requests, invoking its <see cref="FunctionEnvironments"/>.</summary>
/// <remarks>
/// Per request: one arrival event (each schedules the next), then the environments' events; a request its callers
/// retry has one <see cref="PlatformEvents.Retry"/> event per retry (<see cref="Callers"/>). The
/// <see cref="AccountModel"/> routes events here; the account limit is checked against the account's totals.
/// </remarks>
internal sealed class PlatformModel : IFunctionModel, IInvocationCaller
{
    private readonly int _function;
    private readonly FunctionArrivals _arrivals;
    private readonly WorkProfileSampler _work;
    private readonly FunctionEnvironments _environments;
    private readonly Callers _callers;
    private readonly RunMetrics _metrics;
    private readonly RunMetrics? _accountMetrics;
    private readonly double _warmUpSeconds;

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
        _arrivals = new FunctionArrivals(function.Arrivals, streams.Arrivals, _function, settings.HorizonSeconds, inStreamSlot: accountMetrics is null);
        _work = new WorkProfileSampler(function.Work, streams.Work);
        _environments = new FunctionEnvironments(settings, streams, account, metrics, accountMetrics, this);
        _callers = new Callers(_function, function.Invocation, function.ErrorProbability, streams.Retries!, streams.Errors!, metrics, accountMetrics);
        _warmUpSeconds = settings.WarmUpSeconds;
        _metrics = metrics;
        _accountMetrics = accountMetrics;
    }

    public InstanceCounts Instances => _environments.Instances;

    public RunMetrics Metrics => _metrics;

    public int InFlight => _environments.Concurrency + _callers.Waiting;

    public int Concurrency => _environments.Concurrency;

    public string? Violation() =>
        _metrics.Unfinished != InFlight
            ? $"{_metrics.Unfinished} requests arrived and have not ended, but {InFlight} are in flight or waiting to be retried"
            : _environments.Violation();

    public void Start(Simulator simulator)
    {
        _arrivals.ScheduleNext(simulator);
        _environments.Start(simulator);
    }

    /// <summary>Handles one event of this function (<paramref name="target"/> already translated to the function's own index).</summary>
    public void Handle(Simulator simulator, int kind, int target, int tag, double now)
    {
        var instances = _environments.Instances;
        _metrics.Advance(now, instances.Live, instances.Busy, instances.Initializing, InFlight, _callers.Waiting);
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
                if (!_environments.TryHandle(simulator, kind, target, tag, now))
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
            new CallerRequest(invocation.InvokedAtSeconds, invocation.CpuSeconds, invocation.IoSeconds, 0, invocation.Counted),
            invocation.FailedOnPlatform);

    private void OnArrival(Simulator simulator, double now)
    {
        _arrivals.ScheduleNext(simulator);

        // Work is drawn for every request, served or not, so that policies on the same seed see the same requests.
        var (cpu, io) = _work.Next();
        var counted = now >= _warmUpSeconds;
        _metrics.OnArrival(counted, now);
        _accountMetrics?.OnArrival(counted, now);
        Attempt(simulator, now, Callers.FirstAttempt, new CallerRequest(now, cpu, io, 0, counted));
    }

    private void Attempt(Simulator simulator, double now, int token, in CallerRequest attempt)
    {
        if (_environments.TryInvoke(simulator, now, attempt.CpuSeconds, attempt.IoSeconds, attempt.Counted, token) is { } reason)
        {
            _callers.Rejected(simulator, now, token, attempt, reason);
        }
    }
}
