using ServerlessSim.Engine;

namespace ServerlessSim.Platform.Pool;

/// <summary>Idle instances stay until something else reclaims them (an autoscaler scaling down, an infinite keep-alive).</summary>
internal sealed class NoExpiry : IIdleExpiry
{
    public static NoExpiry Instance { get; } = new();

    public void OnIdle(Simulator simulator, int slot, double now)
    {
    }

    public void Forget(int slot)
    {
    }

    public void OnInvoked(int concurrency, double now)
    {
    }

    public void OnRequestsEnded(Simulator simulator, int concurrency, double now)
    {
    }

    public bool TryHandle(Simulator simulator, int kind, int tag, double now) => false;
}
