using ServerlessSim.Policies.KeepAlive;
using ServerlessSim.Policies.Waiting;
using ServerlessSim.Randomness;

namespace ServerlessSim.Platform.Pool;

/// <summary>Creates a pool's strategies from its resolved settings.</summary>
internal static class PoolStrategies
{
    /// <summary>An autoscaler when the policy has one; else per-request scaling.</summary>
    public static IInstanceSupply CreateSupply(FunctionPool pool, PoolSettings settings) =>
        settings.Autoscaling is { } autoscaling ? new AutoscaledSupply(pool, autoscaling) : new PerRequestSupply(pool, settings.Scaling);

    public static IWaitingRule CreateWaiting(FunctionPool pool, PoolSettings settings) => settings.Waiting.Kind switch
    {
        WaitingKind.NewInstance => new NewInstanceWaiting(pool),
        WaitingKind.FrontQueue => new FrontQueueWaiting(pool, settings.Waiting),
        _ => new RejectWaiting(),
    };

    /// <summary>
    /// Under an autoscaler, none (it reclaims idle instances itself); else the policy's keep-alive rule, or by default
    /// the function's fixed keep-alive (none if infinite).
    /// </summary>
    public static IIdleExpiry CreateExpiry(FunctionPool pool, InstanceLifecycle lifecycle, PoolSettings settings, RandomStreams streams)
    {
        if (settings.Autoscaling is not null)
        {
            return NoExpiry.Instance;
        }

        var keepAliveSeconds = settings.Function.KeepAlive.Seconds;
        return settings.Scaling.KeepAlive switch
        {
            IdleLifetimeKeepAlive drawn => new DrawnIdleLifetimeExpiry(lifecycle, drawn.IdleLifetime, streams.Policy!, pool.Function),
            HybridHistogramKeepAlive hybrid => new HybridHistogramExpiry(pool, lifecycle, hybrid),
            _ when double.IsPositiveInfinity(keepAliveSeconds) => NoExpiry.Instance,
            _ => new FixedKeepAliveExpiry(lifecycle, pool.OnDemand, keepAliveSeconds, pool.Function),
        };
    }
}
