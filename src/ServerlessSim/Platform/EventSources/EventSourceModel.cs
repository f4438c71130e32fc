using ServerlessSim.Engine;
using ServerlessSim.Metrics;
using ServerlessSim.Platform.Pool;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Randomness;
using ServerlessSim.Reporting;
using ServerlessSim.Workload;

namespace ServerlessSim.Platform.EventSources;

/// <summary>
/// One function behind an event source (<see cref="SqsEventSourceModel"/>, <see cref="KinesisEventSourceModel"/>):
/// requests arrive as messages, and the source invokes the function's <see cref="FunctionPool"/> with batches.
/// </summary>
/// <remarks>
/// A message is a request: its work is drawn from the function's work profile (the same draws as every other policy on
/// the seed), its size and group or key from the batching substream. It ends processed (completed, latency from its
/// send to the end of the invocation that processed it), dead-lettered or expired (dropped): once the run has drained,
/// requests = completed + dropped. An invocation's work follows from its messages' by the
/// <see cref="BatchExecutionOptions"/>; the environments bill it as one request. Function errors are drawn per message
/// with the function's error probability: a batch fails when any of its messages does, unless the source reports
/// partial failures. Events are routed by their tag (the function), so the account needs nothing new.
/// </remarks>
internal abstract class EventSourceModel : IFunctionModel, IInvocationCaller, IMessageOutcomes
{
    private readonly FunctionArrivals _arrivals;
    private readonly WorkProfileSampler _work;
    private readonly MessageSampler _messageDraws;
    private readonly MetricsSink _sink;
    private readonly BatchWorkCalculator _batchWork;
    private readonly double _errorProbability;
    private readonly RandomStream _errors;
    private readonly double _soloCpuRate;
    private bool[] _failed;

    private protected EventSourceModel(BatchingOptions batching, EventSourceRun run)
    {
        var (settings, streams, sink) = (run.Settings, run.Streams, run.Sink);
        var function = settings.Function;
        Function = settings.FunctionIndex;
        WarmUpSeconds = settings.WarmUpSeconds;
        HorizonSeconds = settings.HorizonSeconds;
        _arrivals = new FunctionArrivals(function.Arrivals, streams.Arrivals, settings.FunctionIndex, settings.HorizonSeconds, inStreamSlot: !sink.SharesAccount);
        _work = new WorkProfileSampler(function.Work, streams.Work);
        _messageDraws = new MessageSampler(batching, run.BatchingRandom);
        Environments = new FunctionPool(settings, streams, run.Account, sink, this);
        Metrics = sink.Function;
        _sink = sink;
        Source = new EventSourceMetrics(batching.Kind, WarmUpSeconds, HorizonSeconds, batching.BatchSize, run.TimeSeriesStepSeconds);
        Batches = new BatchTable(batching.BatchSize);
        _batchWork = new BatchWorkCalculator(batching.EffectiveExecution, settings.VCpus);
        _soloCpuRate = Math.Min(1.0, settings.VCpus);
        _errorProbability = function.ErrorProbability;
        _errors = streams.Errors ?? RandomStream.For(0, 0, Function, StreamPurpose.Errors);
        _failed = new bool[batching.BatchSize];
    }

    public InstanceCounts Instances => Environments.Instances;

    public RunMetrics Metrics { get; }

    /// <summary>Messages held (waiting, or in a batch): the requests in the system, so the run drains until none is left.</summary>
    public int InFlight => MessagesHeld;

    public int Concurrency => Environments.Concurrency;

    /// <summary>The first invariant that does not hold, or null: every message that arrived and has not ended is held, the source's books balance, the environments' hold.</summary>
    public string? Violation() =>
        Metrics.Unfinished != MessagesHeld
            ? $"{Metrics.Unfinished} messages arrived and have not ended, but the source holds {MessagesHeld}"
            : SourceViolation() ?? Environments.Violation();

    /// <summary>The event source's own measurements.</summary>
    public EventSourceMetrics Source { get; }

    private protected int Function { get; }

    private protected double WarmUpSeconds { get; }

    private protected double HorizonSeconds { get; }

    private protected FunctionPool Environments { get; }

    private protected MessageTable Messages { get; } = new();

    private protected BatchTable Batches { get; }

    /// <summary>Messages held: waiting, or received and not yet deleted.</summary>
    private protected abstract int MessagesHeld { get; }

    /// <summary>When the oldest message held was sent (+infinity if none).</summary>
    private protected abstract double OldestSentSeconds { get; }

    /// <summary>The SQS requests billed (zero for a stream).</summary>
    private protected abstract QueueRequestCounts Requests { get; }

    /// <summary>A model for <paramref name="batching"/>'s source in <paramref name="run"/>.</summary>
    public static EventSourceModel Create(BatchingOptions batching, EventSourceRun run) => batching switch
    {
        SqsEventSourceOptions sqs => new SqsEventSourceModel(sqs, run),
        KinesisEventSourceOptions kinesis => new KinesisEventSourceModel(kinesis, run),
        _ => throw new ArgumentException($"No model for {batching.GetType().Name}.", nameof(batching)),
    };

    public void Start(Simulator simulator)
    {
        _arrivals.ScheduleNext(simulator);
        Environments.Start(simulator);
        StartSource(simulator);
    }

    public void Handle(Simulator simulator, int kind, int target, int tag, double now)
    {
        var instances = Environments.Instances;
        // Messages held count as requests in flight; none waits for a caller's retry (the queue is the source's, in batching.*).
        Metrics.Advance(now, instances.Live, instances.Busy, instances.Initializing, MessagesHeld);
        Environments.Advance(now);
        Source.Advance(now, MessagesHeld, OldestSentSeconds);
        OnTimePassed(now);
        if (kind == PlatformEvents.Arrival)
        {
            OnArrival(simulator, now);
        }
        else if (!HandleSource(simulator, kind, target, now) && !Environments.TryHandle(simulator, kind, target, tag, now))
        {
            throw new InvalidOperationException($"Unknown event kind {kind}.");
        }

        AfterEvent(simulator, now);
    }

    /// <summary>The event source's result, the state held up to the horizon included.</summary>
    public EventSourceResult ToResult() => Source.ToResult(Requests, MessagesHeld, OldestSentSeconds);

    /// <summary>Never called: an event source invokes a per-request pool, which neither queues invocations nor fails instances on memory.</summary>
    /// <exception cref="InvalidOperationException">Always: a pool broke that rule.</exception>
    public void OnInvocationAbandoned(int token) =>
        throw new InvalidOperationException($"Batch {token} was abandoned by its pool: event sources invoke per-request pools, which neither queue invocations nor fail instances.");

    public void OnInvocationDone(Simulator simulator, double now, in FinishedInvocation invocation)
    {
        var batch = invocation.Token;
        var count = Batches.Count[batch];
        var failures = 0;
        for (var i = 0; i < count; i++)
        {
            // One draw per message whenever errors are possible, so the draws do not depend on the platform's failures.
            var error = _errorProbability > 0 && _errors.NextDouble() < _errorProbability;
            _failed[i] = invocation.FailedOnPlatform || error;
            failures += _failed[i] ? 1 : 0;
        }

        if (failures > 0)
        {
            Source.OnFailedInvocation(Batches.Counted[batch]);
        }

        Complete(simulator, batch, now, _failed.AsSpan(0, count), failures);
    }

    public void OnReturned(int slot, double nowSeconds) => Source.OnReturned(Messages.Counted[slot]);

    public void OnDeadLettered(int slot, double nowSeconds)
    {
        var counted = Messages.Counted[slot];
        _sink.OnDropped(counted);
        Source.OnDeadLettered(counted, nowSeconds);
    }

    public void OnExpired(int slot, double nowSeconds)
    {
        var counted = Messages.Counted[slot];
        _sink.OnDropped(counted);
        Source.OnExpired(counted);
    }

    /// <summary>The first of the source's own invariants that does not hold (its message conservation), or null.</summary>
    private protected abstract string? SourceViolation();

    /// <summary>Schedules the source's first events.</summary>
    private protected abstract void StartSource(Simulator simulator);

    /// <summary>Puts a message that arrived into the queue or stream and returns its slot (batches are taken after the event, in <see cref="AfterEvent"/>).</summary>
    private protected abstract int Accept(double now, int sizeBytes, int key);

    /// <summary>Handles one of the source's own events; false if <paramref name="kind"/> is not one of them.</summary>
    private protected abstract bool HandleSource(Simulator simulator, int kind, int target, double now);

    /// <summary>Time passed up to <paramref name="now"/> in the state held since the last event.</summary>
    private protected abstract void OnTimePassed(double now);

    /// <summary>The event is handled: take new batches, schedule the timers the new state needs.</summary>
    private protected abstract void AfterEvent(Simulator simulator, double now);

    /// <summary>An invocation of <paramref name="batch"/> ended; <paramref name="failed"/> says which of its messages failed.</summary>
    private protected abstract void Complete(Simulator simulator, int batch, double now, ReadOnlySpan<bool> failed, int failures);

    /// <summary>The iterator age of <paramref name="batch"/> invoked at <paramref name="now"/> (streams; 0 for queues).</summary>
    private protected virtual double IteratorAgeSeconds(int batch, double now) => 0;

    /// <summary>A batch of the messages at <paramref name="slots"/>: its work computed once, counted if any message is.</summary>
    private protected int AddBatch(ReadOnlySpan<int> slots, ReadOnlySpan<int> receipts, double openedSeconds)
    {
        var batch = Batches.Add(slots, receipts, openedSeconds);
        var work = _batchWork.Compute(Messages, slots);

        // The environments run CPU at the solo rate, then IO. When the batch's CPU part is faster than that (messages
        // sharing several vCPUs), the CPU is passed as the part's length at the solo rate, so the duration holds.
        var soloCpu = work.CpuSeconds / _soloCpuRate;
        (Batches.CpuSeconds[batch], Batches.IoSeconds[batch]) = soloCpu <= work.CpuPhaseSeconds
            ? (work.CpuSeconds, work.DurationSeconds - soloCpu)
            : (work.CpuPhaseSeconds * _soloCpuRate, work.IoSeconds);
        var counted = false;
        foreach (var slot in slots)
        {
            counted |= Messages.Counted[slot];
        }

        Batches.Counted[batch] = counted;
        return batch;
    }

    /// <summary>Invokes <paramref name="batch"/>; null if it runs (or waits for an environment), else why it was throttled.</summary>
    private protected ThrottleReason? Invoke(Simulator simulator, int batch, double now)
    {
        var counted = Batches.Counted[batch];
        var reason = Environments.TryInvoke(simulator, now, batch, new CallerRequest(now, Batches.CpuSeconds[batch], Batches.IoSeconds[batch], 0, counted));
        if (reason is null)
        {
            Source.OnInvocation(counted, now, Batches.Count[batch], IteratorAgeSeconds(batch, now));
        }
        else
        {
            Source.OnThrottledAttempt(counted);
            _sink.OnThrottleResponse(counted, now);
        }

        return reason;
    }

    /// <summary>A message sent at <paramref name="sentSeconds"/> was processed (and deleted) at <paramref name="now"/>.</summary>
    private protected void OnProcessed(bool counted, double sentSeconds, double now)
    {
        _sink.OnCompletion(counted, now, now - sentSeconds);
        Source.OnProcessed(counted);
    }

    /// <summary>The wait before the <paramref name="attempt"/>-th retry of a throttled batch: 1 s, 2 s, 4 s, ... up to the cap.</summary>
    private protected static double BackoffSeconds(PollerScalingOptions pollers, int attempt) =>
        Math.Min(pollers.ThrottleBackoffInitial.Seconds * Math.Pow(2, Math.Min(attempt - 1, 60)), pollers.ThrottleBackoffMax.Seconds);

    private void OnArrival(Simulator simulator, double now)
    {
        _arrivals.ScheduleNext(simulator);

        // Work is drawn for every message, as for every request of every policy, so that policies see the same requests.
        var (cpu, io) = _work.Next();
        var (size, key) = _messageDraws.Next();
        var counted = _sink.Counts(now);
        _sink.OnArrival(counted, now);
        Source.OnSent(counted);
        var slot = Accept(now, size, key);
        Messages.CpuSeconds[slot] = cpu;
        Messages.IoSeconds[slot] = io;
        Messages.Counted[slot] = counted;
    }
}
