using ServerlessSim.Engine;
using ServerlessSim.Metrics;

namespace ServerlessSim.Platform.Pool;

/// <summary>Lambda's way: a request joins an instance that is starting and has room, or starts one, and waits for it (a cold start).</summary>
/// <remarks>A new instance is refused by the function's cap, a limit on instances, or the supply (Lambda's scaling rate).</remarks>
internal sealed class NewInstanceWaiting(FunctionPool pool) : IWaitingRule
{
    public int Queued => 0;

    public ThrottleReason? Wait(Simulator simulator, double now, int token, in CallerRequest work)
    {
        var instance = pool.StartingWithRoom();
        if (instance < 0)
        {
            if (pool.OnDemand.Pool.Live >= pool.MaxInstances)
            {
                return ThrottleReason.MaxInstances;
            }

            if (pool.Account.AdmitInstance(pool.Function, pool.Active) is { } overInstanceLimit)
            {
                return overInstanceLimit;
            }

            if (!pool.Supply.MayStart(now, pool.Active))
            {
                return ThrottleReason.ScalingRate;
            }

            instance = pool.Lifecycle.Start(simulator, pool.OnDemand, now);
        }

        var request = pool.Admit(token, work, now);
        pool.Bind(request, instance, now);
        pool.CountColdStart(work.Counted, now);
        return null;
    }

    public void OnSlotsFree(Simulator simulator, int code, double now, bool cold)
    {
    }

    public bool TryHandle(Simulator simulator, int kind, double now) => false;
}
