namespace ServerlessSim.Engine;

/// <summary>The run loop: a clock and an event queue, knowing nothing about serverless.</summary>
/// <remarks>
/// Each step pops the earliest event (time, then insertion order), advances the clock to it and hands it to the
/// model. The clock never goes backwards: scheduling in the past is an error. Not thread-safe: one run, one thread.
/// </remarks>
public sealed class Simulator
{
    // Cancellation is looked at every 65,536 events: a few hundred microseconds of work, negligible overhead.
    private const long CancellationCheckMask = (1 << 16) - 1;
    private readonly EventQueue _queue;

    /// <summary>A simulator at time zero with an empty queue.</summary>
    public Simulator(int initialQueueCapacity = 1024) => _queue = new EventQueue(initialQueueCapacity);

    /// <summary>The current simulated time, in seconds since the start.</summary>
    public double NowSeconds { get; private set; }

    /// <summary>The current simulated time.</summary>
    public SimTime Now => SimTime.FromSeconds(NowSeconds);

    /// <summary>How many events are pending.</summary>
    public int PendingEvents => _queue.Count;

    /// <summary>How many events have been handled.</summary>
    public long HandledEvents { get; private set; }

    /// <summary>Schedules an event at <paramref name="timeSeconds"/> (seconds since the start).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is before <see cref="NowSeconds"/>, or NaN.</exception>
    public void ScheduleAt(double timeSeconds, int kind, int target, int tag = 0)
    {
        if (!(timeSeconds >= NowSeconds))
        {
            throw new ArgumentOutOfRangeException(
                nameof(timeSeconds), timeSeconds, $"An event must not be scheduled before the current time ({NowSeconds} s).");
        }

        _queue.Enqueue(timeSeconds, kind, target, tag);
    }

    /// <summary>Schedules an event at <paramref name="time"/>.</summary>
    public void ScheduleAt(SimTime time, int kind, int target, int tag = 0) => ScheduleAt(time.Seconds, kind, target, tag);

    /// <summary>Handles events in order while the next one is strictly before <paramref name="untilSeconds"/>.</summary>
    /// <returns>Whether events remain (at or after the limit).</returns>
    /// <exception cref="SimulationException">The model threw; the message names the time and the event.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the token is looked at every 65,536 events.</exception>
    public bool RunUntil<THandler>(THandler handler, double untilSeconds, CancellationToken cancellationToken = default)
        where THandler : IEventHandler
    {
        while (_queue.Count > 0 && _queue.Peek().TimeSeconds < untilSeconds)
        {
            Step(handler);
            if ((HandledEvents & CancellationCheckMask) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return _queue.Count > 0;
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
        if (_queue.Count == 0)
        {
            return false;
        }

        var next = _queue.Dequeue();
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

        return true;
    }
}
