using ServerlessSim.Engine;

namespace ServerlessSim.Platform.Pool;

/// <summary>A <see cref="DeadlineHeap"/> with the one pending event that looks at its earliest deadline.</summary>
/// <remarks>
/// A new deadline earlier than the pending event's time schedules another event with a new version; the superseded one
/// is ignored when it fires (<see cref="Fire"/>). So a function has one live event per kind of deadline, however many
/// environments have one.
/// </remarks>
/// <param name="kind">The event kind (target: the function; tag: the version).</param>
/// <param name="function">The function's index.</param>
internal sealed class DeadlineTimer(int kind, int function)
{
    private int _version;
    private double _pendingAt = double.PositiveInfinity;

    /// <summary>The instances with a deadline.</summary>
    public DeadlineHeap Deadlines { get; } = new();

    /// <summary>Schedules an event for the earliest deadline, unless one at or before it is pending.</summary>
    public void Ensure(Simulator simulator)
    {
        var earliest = Deadlines.EarliestSeconds;
        if (earliest < _pendingAt)
        {
            _pendingAt = earliest;
            simulator.ScheduleAt(earliest, kind, function, ++_version);
        }
    }

    /// <summary>Whether an event of <paramref name="version"/> is the live one (then none is pending until <see cref="Ensure"/>).</summary>
    public bool Fire(int version)
    {
        if (version != _version)
        {
            return false;
        }

        _pendingAt = double.PositiveInfinity;
        return true;
    }
}
