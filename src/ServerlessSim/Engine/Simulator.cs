namespace ServerlessSim.Engine;

/// <summary>The run loop: a clock and an event queue, knowing nothing about serverless.</summary>
/// <remarks>
/// Each step takes the earliest event (time, then insertion order), advances the clock to it and hands it to the
/// model. The clock never goes backwards: scheduling in the past is an error. Besides the queue there is one
/// <em>stream slot</em> for a source that always schedules its own successor (arrivals): its single pending event
/// waits outside the queue and is compared with the queue's earliest, which saves a queue insertion and removal
/// per arrival without changing the order (the slot's event carries an insertion sequence like any other).
/// Not thread-safe: one run, one thread.
/// </remarks>
public sealed class Simulator
{
    // Cancellation is looked at every 65,536 events: a few milliseconds of work, negligible overhead.
    private const long CancellationCheckMask = (1 << 16) - 1;
    private readonly EventQueue _queue;
    private ScheduledEvent _stream;
    private bool _hasStream;

    /// <summary>A simulator at time zero with an empty queue.</summary>
    public Simulator(int initialBucketCapacity = 16) => _queue = new EventQueue(initialBucketCapacity);

    /// <summary>The current simulated time, in seconds since the start.</summary>
    public double NowSeconds { get; private set; }

    /// <summary>The current simulated time.</summary>
    public SimTime Now => SimTime.FromSeconds(NowSeconds);

    /// <summary>How many events are pending (the stream slot included).</summary>
    public int PendingEvents => _queue.Count + (_hasStream ? 1 : 0);

    /// <summary>How many events have been handled.</summary>
    public long HandledEvents { get; private set; }

    /// <summary>Schedules an event at <paramref name="timeSeconds"/> (seconds since the start).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is before <see cref="NowSeconds"/>, or NaN; or a kind outside 0..255.</exception>
    public void ScheduleAt(double timeSeconds, int kind, int target, int tag = 0)
    {
        CheckNotPast(timeSeconds);
        _queue.Enqueue(timeSeconds, kind, target, tag);
    }

    /// <summary>Schedules an event at <paramref name="time"/>.</summary>
    public void ScheduleAt(SimTime time, int kind, int target, int tag = 0) => ScheduleAt(time.Seconds, kind, target, tag);

    /// <summary>Schedules the stream's next event (at most one is pending: the slot must be empty).</summary>
    /// <remarks>Use it for a source that schedules its successor while handling each event, such as arrivals.</remarks>
    /// <exception cref="InvalidOperationException">The stream already has a pending event.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The time is before <see cref="NowSeconds"/>, or NaN.</exception>
    public void ScheduleStream(double timeSeconds, int kind, int target, int tag = 0)
    {
        CheckNotPast(timeSeconds);
        if (_hasStream)
        {
            throw new InvalidOperationException($"The stream already has a pending event ({_stream}).");
        }

        _stream = _queue.Create(timeSeconds, kind, target, tag);
        _hasStream = true;
    }

    /// <summary>Handles events in order while the next one is strictly before <paramref name="untilSeconds"/>.</summary>
    /// <returns>Whether events remain (at or after the limit).</returns>
    /// <exception cref="SimulationException">The model threw; the message names the time and the event.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the token is looked at every 65,536 events.</exception>
    public bool RunUntil<THandler>(THandler handler, double untilSeconds, CancellationToken cancellationToken = default)
        where THandler : IEventHandler
    {
        while (TryTakeBefore(untilSeconds, out var next))
        {
            Handle(handler, in next);
            if ((HandledEvents & CancellationCheckMask) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return PendingEvents > 0;
    }

    /// <summary>Handles events in order while <paramref name="condition"/> holds and events remain.</summary>
    /// <exception cref="OperationCanceledException">Cancelled; the token is looked at every 65,536 events.</exception>
    public void RunWhile<THandler>(THandler handler, Func<THandler, bool> condition, CancellationToken cancellationToken = default)
        where THandler : IEventHandler
    {
        while (condition(handler) && Step(handler))
        {
            if ((HandledEvents & CancellationCheckMask) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>Handles the next event, if any.</summary>
    /// <returns>Whether an event was handled.</returns>
    public bool Step<THandler>(THandler handler)
        where THandler : IEventHandler
    {
        if (!TryTakeBefore(double.PositiveInfinity, out var next) && !TryTakeInfinite(out next))
        {
            return false;
        }

        Handle(handler, in next);
        return true;
    }

    private void Handle<THandler>(THandler handler, in ScheduledEvent next)
        where THandler : IEventHandler
    {
        NowSeconds = next.TimeSeconds;
        HandledEvents++;
        try
        {
            handler.Handle(this, in next);
        }
        catch (Exception ex) when (ex is not SimulationException)
        {
            throw new SimulationException(next, ex);
        }
    }

    // Takes the earliest event (queue or stream slot) if it is strictly before the limit.
    private bool TryTakeBefore(double untilSeconds, out ScheduledEvent next)
    {
        if (_queue.Count > 0)
        {
            ref readonly var top = ref _queue.Peek();
            if (_hasStream && _stream.Precedes(in top))
            {
                return TakeStream(untilSeconds, out next);
            }

            if (top.TimeSeconds < untilSeconds)
            {
                next = _queue.Dequeue();
                return true;
            }

            next = default;
            return false;
        }

        if (_hasStream)
        {
            return TakeStream(untilSeconds, out next);
        }

        next = default;
        return false;
    }

    private bool TakeStream(double untilSeconds, out ScheduledEvent next)
    {
        next = _stream;
        if (next.TimeSeconds < untilSeconds)
        {
            _hasStream = false;
            return true;
        }

        return false;
    }

    // An event at +infinity is never before any limit; Step still hands it over, as a plain queue would.
    private bool TryTakeInfinite(out ScheduledEvent next)
    {
        next = default;
        if (PendingEvents == 0)
        {
            return false;
        }

        if (_queue.Count > 0 && !(_hasStream && _stream.Precedes(in _queue.Peek())))
        {
            next = _queue.Dequeue();
            return true;
        }

        next = _stream;
        _hasStream = false;
        return true;
    }

    private void CheckNotPast(double timeSeconds)
    {
        if (!(timeSeconds >= NowSeconds))
        {
            throw new ArgumentOutOfRangeException(
                nameof(timeSeconds), timeSeconds, $"An event must not be scheduled before the current time ({NowSeconds} s).");
        }
    }
}
