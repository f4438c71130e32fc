using ServerlessSim.Engine;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Reporting;

namespace ServerlessSim.Platform.EventSources;

/// <summary>A function behind an SQS queue read by Lambda's event source mapping: pollers gather batches and invoke the function with them.</summary>
/// <remarks>
/// One batch gathers at a time, when a poller is free (fewer batches in process than the pollers' concurrency): it
/// receives what is visible, and is invoked when full or when its window ends (<see cref="BatchAssembler"/>); then the
/// next gathers. AWS does not document how its pollers share messages; filling one batch at a time gives the largest
/// batches the settings allow. A throttled invocation is retried after a backoff until the batch's visibility timeout
/// (from its first receive) ends, then given up: its messages return to the queue when their timeout ends, with one
/// more receive, and may go to the dead-letter queue (over-pull). After an invocation the batch's messages are deleted
/// (all of them, or without partial batch responses none if any failed; with them, all but the failed ones; FIFO:
/// those before the first failure). Events: one pending timer each for the gathering batch's window, the queue's next
/// return or expiry, and the pollers' next increase, plus one per throttled batch's retry.
/// </remarks>
internal sealed class SqsEventSourceModel : EventSourceModel
{
    private readonly SqsQueue _queue;
    private readonly BatchAssembler _gathering;
    private readonly PollerScaler _pollers;
    private readonly PollerScalingOptions _pollerOptions;
    private readonly SqsRequestMeter _requests;
    private readonly double _visibilityTimeout;
    private readonly double _receiveRoundTrip;
    private readonly bool _fifo;
    private readonly bool _reportFailures;
    private bool _backlog;
    private int _idlePollers;
    private double _lastAdvance;
    private double _lastReceive = double.NegativeInfinity;
    private double _queueTimerAt = double.PositiveInfinity;
    private double _windowTimerAt = double.PositiveInfinity;
    private double _scaleTimerAt = double.PositiveInfinity;

    public SqsEventSourceModel(SqsEventSourceOptions options, EventSourceRun run)
        : base(options, run)
    {
        _queue = SqsQueue.Create(options.Queue, Messages, this);
        _gathering = new BatchAssembler(new BatchTrigger(options.BatchSize, options.BatchingWindow.Seconds, BatchingLimits.MaxPayloadBytes));
        _pollerOptions = options.EffectivePollers;
        _pollers = new PollerScaler(_pollerOptions, options.MaximumConcurrency);
        _requests = new SqsRequestMeter(run.SqsChunkBytes);
        _visibilityTimeout = options.Queue.VisibilityTimeout.Seconds;
        _receiveRoundTrip = _pollerOptions.ReceiveRoundTrip.Seconds;
        _fifo = options.Queue.Fifo;
        _reportFailures = options.ReportBatchItemFailures;
    }

    /// <summary>The queue (for tests).</summary>
    internal SqsQueue Queue => _queue;

    private protected override int MessagesHeld => _queue.Visible + _queue.InFlight;

    private protected override double OldestSentSeconds => _queue.OldestSentSeconds;

    private protected override QueueRequestCounts Requests => new(_requests.Sends, _requests.Receives, _requests.Deletes, _requests.EmptyReceives);

    private protected override string? SourceViolation() =>
        _queue.Sent != _queue.Deleted + _queue.Visible + _queue.InFlight + _queue.DeadLettered + _queue.Expired
            ? $"{_queue.Sent} sent, but {_queue.Deleted} deleted + {_queue.Visible} visible + {_queue.InFlight} in flight + {_queue.DeadLettered} dead-lettered + {_queue.Expired} expired"
            : null;

    private protected override void StartSource(Simulator simulator)
    {
    }

    private protected override int Accept(double now, int sizeBytes, int key)
    {
        if (now >= WarmUpSeconds)
        {
            _requests.OnSend(sizeBytes);
        }

        return _queue.Send(now, sizeBytes, _fifo ? key : 0);
    }

    private protected override bool HandleSource(Simulator simulator, int kind, int target, double now)
    {
        switch (kind)
        {
            case PlatformEvents.BatchWindowEnd: // or the gathering batch's next receive
                _windowTimerAt = double.PositiveInfinity;
                return true;
            case PlatformEvents.QueueTimer:
                _queueTimerAt = double.PositiveInfinity;
                _queue.ReturnDue(now);
                return true;
            case PlatformEvents.PollerScale:
                _scaleTimerAt = double.PositiveInfinity;
                return true;
            case PlatformEvents.BatchRetry:
                Retry(simulator, target, now);
                return true;
            default:
                return false;
        }
    }

    private protected override void OnTimePassed(double now)
    {
        // Pollers with nothing to gather long-poll: one empty receive per 20 s each (counted in the window only).
        var from = Math.Max(_lastAdvance, WarmUpSeconds);
        var to = Math.Min(now, HorizonSeconds);
        if (_idlePollers > 0 && to > from)
        {
            _requests.OnIdlePolling(_idlePollers * (to - from));
        }

        _lastAdvance = Math.Max(_lastAdvance, now);
        _pollers.Advance(now, _backlog);
    }

    private protected override void AfterEvent(Simulator simulator, double now)
    {
        TakeBatches(simulator, now);
        _backlog = _queue.Visible > 0;
        _idlePollers = _queue.Visible == 0 ? Math.Max(0, _pollers.Allowed - Batches.InProcess) : 0;
        var next = Math.Min(_queue.NextReturnSeconds, _queue.NextExpirySeconds);
        if (next < _queueTimerAt)
        {
            _queueTimerAt = next;
            simulator.ScheduleAt(Math.Max(next, now), PlatformEvents.QueueTimer, 0, Function);
        }

        // The gathering batch needs a look when its window ends, or when its next receive call may take what waits.
        var look = _queue.Visible > 0 && _gathering.Count > 0 && Batches.InProcess < _pollers.Allowed
            ? Math.Min(_gathering.Deadline, _lastReceive + _receiveRoundTrip)
            : _gathering.Deadline;
        if (look < _windowTimerAt)
        {
            _windowTimerAt = look;
            simulator.ScheduleAt(Math.Max(look, now), PlatformEvents.BatchWindowEnd, 0, Function);
        }

        if (_backlog && Batches.InProcess >= _pollers.Allowed && _pollers.NextIncreaseSeconds < _scaleTimerAt)
        {
            _scaleTimerAt = _pollers.NextIncreaseSeconds;
            simulator.ScheduleAt(Math.Max(_scaleTimerAt, now), PlatformEvents.PollerScale, 0, Function);
        }
    }

    private protected override void Complete(Simulator simulator, int batch, double now, ReadOnlySpan<bool> failed, int failures)
    {
        var slots = Batches.SlotsOf(batch);
        var receipts = Batches.Receipts[batch];

        // Without partial batch responses a failure returns the whole batch; a FIFO handler stops at its first failure.
        var deleted = 0;
        if (failures == 0 || _reportFailures)
        {
            for (var i = 0; i < slots.Length; i++)
            {
                if (failed[i])
                {
                    if (_fifo)
                    {
                        break;
                    }

                    continue;
                }

                var (counted, sent) = (Messages.Counted[slots[i]], Messages.SentSeconds[slots[i]]);
                if (_queue.Delete(slots[i], receipts[i]))
                {
                    deleted++;
                    OnProcessed(counted, sent, now);
                }
                else
                {
                    Source.OnDuplicate(counted);
                }
            }
        }

        if (deleted > 0 && Batches.Counted[batch])
        {
            _requests.OnDelete(deleted);
        }

        Batches.Release(batch);
    }

    // While a poller is free: receive into the gathering batch, and invoke it once it is due. A batch that has begun
    // receives again only one call's round trip after its last receive (a new batch's call was already waiting).
    private void TakeBatches(Simulator simulator, double now)
    {
        while (Batches.InProcess < _pollers.Allowed)
        {
            var before = _gathering.Count;
            if ((before == 0 || now >= _lastReceive + _receiveRoundTrip) && _gathering.ReceiveFrom(_queue, now) > 0)
            {
                _lastReceive = now;
                _requests.OnReceive(Messages, _gathering.Slots[before..]);
            }

            if (!_gathering.IsDue(now))
            {
                return;
            }

            var batch = AddBatch(_gathering.Slots, _gathering.Receipts, _gathering.OpenedSeconds);
            _gathering.Clear();
            InvokeOrBackOff(simulator, batch, now);
        }
    }

    private void InvokeOrBackOff(Simulator simulator, int batch, double now)
    {
        if (Invoke(simulator, batch, now) is null)
        {
            return;
        }

        _pollers.OnThrottle();
        var retryAt = now + BackoffSeconds(_pollerOptions, ++Batches.Attempts[batch]);
        simulator.ScheduleAt(Math.Min(retryAt, GiveUpSeconds(batch)), PlatformEvents.BatchRetry, batch, Function);
    }

    // Lambda retries a throttled batch until its visibility timeout ends, then lets its messages return to the queue.
    private void Retry(Simulator simulator, int batch, double now)
    {
        if (now >= GiveUpSeconds(batch))
        {
            Batches.Release(batch);
            return;
        }

        InvokeOrBackOff(simulator, batch, now);
    }

    private double GiveUpSeconds(int batch) => Batches.OpenedSeconds[batch] + _visibilityTimeout;
}
