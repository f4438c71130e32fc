using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Policies.Scaling;

namespace ServerlessSim.Platform;

/// <summary>Everything a <see cref="PlatformModel"/> needs, resolved from a scenario, one of its functions and one of its policies.</summary>
internal sealed record PlatformModelSettings(
    int FunctionIndex,
    FunctionDefinition Function,
    int MaxConcurrentPerInstance,
    double VCpus,
    IDispatchPolicy Dispatch,
    double WarmUpSeconds,
    double HorizonSeconds)
{
    /// <summary>Per-request scaling's rules (ignored by autoscaled pools); none by default.</summary>
    public PerRequestScalingOptions Scaling { get; init; } = PerRequestScalingOptions.Instance;
}
