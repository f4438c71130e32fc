using ServerlessSim.Policies.Contention;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Policies.Waiting;
using ServerlessSim.Randomness;

namespace ServerlessSim.Platform;

/// <summary>Everything an <see cref="AutoscaledPoolModel"/> needs beyond what every function model needs.</summary>
/// <param name="Common">The function, its index, K, vCPUs, dispatch and the run's window.</param>
/// <param name="Scaling">The autoscaler's options.</param>
/// <param name="Waiting">Where a request waits when no slot is free.</param>
/// <param name="Contention">CPU contention and the memory limit.</param>
/// <param name="DispatchRandom">The function's dispatch substream (power of two choices).</param>
/// <param name="MemoryRandom">The function's substream for each request's memory.</param>
internal sealed record AutoscaledPoolSettings(
    PlatformModelSettings Common,
    AutoscalingOptions Scaling,
    WaitingOptions Waiting,
    ContentionOptions Contention,
    RandomStream DispatchRandom,
    RandomStream MemoryRandom);
