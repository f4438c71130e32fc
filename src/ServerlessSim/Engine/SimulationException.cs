namespace ServerlessSim.Engine;

/// <summary>A failure inside a run, with the simulated time and the event being handled when it happened.</summary>
public sealed class SimulationException : Exception
{
    /// <summary>Wraps <paramref name="inner"/>, thrown while handling <paramref name="failedEvent"/>.</summary>
    public SimulationException(ScheduledEvent failedEvent, Exception inner)
        : base($"The simulation failed at {failedEvent.Time} while handling {failedEvent}: {inner.Message}", inner)
    {
        FailedEvent = failedEvent;
    }

    /// <summary>The event whose handling failed.</summary>
    public ScheduledEvent FailedEvent { get; }
}
