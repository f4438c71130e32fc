using ServerlessSim.Engine;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Platform;

/// <summary>A function's arrivals as events: one pending at a time, each scheduling the next, none at or past the horizon.</summary>
/// <remarks>
/// With one function in the account the arrivals ride in the simulator's stream slot (no queue insertion per arrival);
/// with several, the slot holds one source only, so each function's go through the queue.
/// </remarks>
internal sealed class FunctionArrivals
{
    private readonly IArrivalStream _stream;
    private readonly int _function;
    private readonly double _horizonSeconds;
    private readonly bool _inStreamSlot;

    /// <param name="process">The function's arrival process.</param>
    /// <param name="random">The function's arrival substream.</param>
    /// <param name="function">The function's index (the target of its arrival events).</param>
    /// <param name="horizonSeconds">When arrivals stop.</param>
    /// <param name="inStreamSlot">Whether to use the simulator's stream slot (the account's only function).</param>
    public FunctionArrivals(ArrivalProcess process, RandomStream random, int function, double horizonSeconds, bool inStreamSlot)
    {
        _stream = process.CreateStream(random);
        _function = function;
        _horizonSeconds = horizonSeconds;
        _inStreamSlot = inStreamSlot;
    }

    /// <summary>Draws the next arrival and schedules it, unless it comes at or after the horizon.</summary>
    public void ScheduleNext(Simulator simulator)
    {
        var next = _stream.Next();
        if (next >= _horizonSeconds)
        {
            return;
        }

        if (_inStreamSlot)
        {
            simulator.ScheduleStream(next, PlatformEvents.Arrival, _function);
        }
        else
        {
            simulator.ScheduleAt(next, PlatformEvents.Arrival, _function);
        }
    }
}
