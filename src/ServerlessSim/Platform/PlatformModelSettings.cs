using ServerlessSim.Policies;
using ServerlessSim.Policies.Dispatch;

namespace ServerlessSim.Platform;

/// <summary>Everything a <see cref="PlatformModel"/> needs, resolved from a scenario and one of its policies.</summary>
internal sealed record PlatformModelSettings(
    FunctionDefinition Function,
    int MaxConcurrentPerInstance,
    double VCpus,
    IDispatchPolicy Dispatch,
    int ConcurrencyLimit,
    LimitScope LimitCounts,
    double WarmUpSeconds,
    double HorizonSeconds);
