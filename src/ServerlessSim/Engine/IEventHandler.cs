namespace ServerlessSim.Engine;

/// <summary>A model driven by a <see cref="Simulator"/>: it is handed each event in order.</summary>
public interface IEventHandler
{
    /// <summary>Handles one event; the simulator's clock already reads the event's time.</summary>
    void Handle(Simulator simulator, in ScheduledEvent scheduledEvent);
}
