using ServerlessSim.Policies.Contention;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Policies.Waiting;
using ServerlessSim.Randomness;

namespace ServerlessSim.Platform.Pool;

/// <summary>Everything a function's <see cref="FunctionPool"/> and the model in front of it need, resolved from a scenario, one of its functions and one of its policies.</summary>
/// <param name="FunctionIndex">The function's index in the account.</param>
/// <param name="Function">The function.</param>
/// <param name="MaxConcurrentPerInstance">K, the most requests one instance serves at once.</param>
/// <param name="VCpus">vCPUs per instance.</param>
/// <param name="Dispatch">Which ready instance serves a request.</param>
/// <param name="WarmUpSeconds">The end of the warm-up, in seconds.</param>
/// <param name="HorizonSeconds">When arrivals stop, in seconds.</param>
internal sealed record PoolSettings(
    int FunctionIndex,
    FunctionDefinition Function,
    int MaxConcurrentPerInstance,
    double VCpus,
    IDispatchPolicy Dispatch,
    double WarmUpSeconds,
    double HorizonSeconds)
{
    /// <summary>Per-request scaling's rules (the keep-alive rule, limits, provisioned concurrency); none by default.</summary>
    public PerRequestScalingOptions Scaling { get; init; } = PerRequestScalingOptions.Instance;

    /// <summary>The autoscaler that decides how many instances there are; null under per-request scaling.</summary>
    public AutoscalingOptions? Autoscaling { get; init; }

    /// <summary>Where a request waits when no ready instance can take it (per-request scaling: a new instance).</summary>
    public WaitingOptions Waiting { get; init; } = WaitingOptions.NewInstance;

    /// <summary>How the requests of an instance share it (autoscaled pools).</summary>
    public ContentionOptions Contention { get; init; } = ContentionOptions.ProcessorSharing;

    /// <summary>The function's dispatch substream (power of two choices), for autoscaled pools.</summary>
    public RandomStream? DispatchRandom { get; init; }

    /// <summary>The function's substream for each request's memory, when a memory limit is modelled.</summary>
    public RandomStream? MemoryRandom { get; init; }

    /// <summary>The cap on on-demand instances: the function's, and the autoscaler's.</summary>
    public int MaxInstances => Math.Min(Function.MaxInstances ?? int.MaxValue, Autoscaling?.EffectiveMaxInstances ?? int.MaxValue);
}
