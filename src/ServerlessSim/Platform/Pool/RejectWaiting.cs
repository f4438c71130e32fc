using ServerlessSim.Engine;
using ServerlessSim.Metrics;

namespace ServerlessSim.Platform.Pool;

/// <summary>No waiting: a request no ready instance can take is rejected at once (instance capacity).</summary>
internal sealed class RejectWaiting : IWaitingRule
{
    public int Queued => 0;

    public ThrottleReason? Wait(Simulator simulator, double now, int token, in CallerRequest work) => ThrottleReason.InstanceCapacity;

    public void OnSlotsFree(Simulator simulator, int code, double now, bool cold)
    {
    }

    public bool TryHandle(Simulator simulator, int kind, double now) => false;
}
