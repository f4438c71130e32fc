using ServerlessSim.Engine;
using ServerlessSim.Metrics;
using ServerlessSim.Policies.Waiting;

namespace ServerlessSim.Platform.Pool;

/// <summary>Knative's activator and Cloud Run's request queue: a request waits in a FIFO in front of the pool, up to a capacity and a timeout.</summary>
/// <remarks>
/// A free slot takes the oldest waiting request; a request due to time out at that very instant times out instead.
/// The queue costs one pending timer per function: the oldest waiting request times out first. Each request
/// queued tells the supply (the activator's poke).
/// </remarks>
internal sealed class FrontQueueWaiting(FunctionPool pool, WaitingOptions options) : IWaitingRule
{
    private readonly FrontQueue _queue = new();
    private readonly double _timeoutSeconds = options.Timeout.Seconds;
    private readonly int _capacity = options.EffectiveCapacity;
    private bool _timeoutPending;

    public int Queued => _queue.Count;

    public ThrottleReason? Wait(Simulator simulator, double now, int token, in CallerRequest work)
    {
        if (_queue.Count >= _capacity)
        {
            return ThrottleReason.QueueFull;
        }

        var request = pool.Admit(token, work, now);
        pool.Requests.Phase[request] = RequestPhase.Queued;
        _queue.Enqueue(request);
        EnsureTimeout(simulator);
        pool.Supply.OnQueued(simulator, _queue.Count, now);
        return null;
    }

    public void OnSlotsFree(Simulator simulator, int code, double now, bool cold)
    {
        var (group, slot) = pool.GroupOf(code);
        while (_queue.Count > 0 && group.View!.Contains(slot) && !(group.Pool.LoadOf(slot) == 0 && pool.InstanceLimitReached))
        {
            var request = _queue.Dequeue();
            if (pool.Requests.ArrivalSeconds[request] + _timeoutSeconds <= now)
            {
                pool.TimeOut(request); // Due at this very instant: its timer has not fired yet.
                continue;
            }

            if (cold)
            {
                pool.CountColdStart(pool.Requests.Counted[request], now);
            }

            pool.Bind(request, code, now);
            if (!pool.Execute(simulator, request, code, now))
            {
                return;
            }
        }
    }

    public bool TryHandle(Simulator simulator, int kind, double now)
    {
        if (kind != PlatformEvents.QueueTimeout)
        {
            return false;
        }

        _timeoutPending = false;
        while (_queue.Count > 0 && pool.Requests.ArrivalSeconds[_queue.Head] + _timeoutSeconds <= now)
        {
            pool.TimeOut(_queue.Dequeue());
        }

        EnsureTimeout(simulator);
        return true;
    }

    private void EnsureTimeout(Simulator simulator)
    {
        if (!_timeoutPending && _queue.Count > 0 && !double.IsPositiveInfinity(_timeoutSeconds))
        {
            _timeoutPending = true;
            simulator.ScheduleAt(pool.Requests.ArrivalSeconds[_queue.Head] + _timeoutSeconds, PlatformEvents.QueueTimeout, pool.Function);
        }
    }
}
