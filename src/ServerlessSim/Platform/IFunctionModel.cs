using ServerlessSim.Engine;
using ServerlessSim.Metrics;

namespace ServerlessSim.Platform;

/// <summary>One function of an account on one policy, as the <see cref="AccountModel"/> sees it: it starts, handles its events and reports its load.</summary>
/// <remarks>
/// <see cref="PlatformModel"/> is Lambda's per-request scaling; <see cref="AutoscaledPoolModel"/> is a pool of
/// many-requests instances under an autoscaler. After each event the account reads <see cref="Pool"/> and
/// <see cref="InFlight"/> to keep its running totals.
/// </remarks>
internal interface IFunctionModel
{
    /// <summary>The function's instances.</summary>
    InstancePool Pool { get; }

    /// <summary>The function's metrics.</summary>
    RunMetrics Metrics { get; }

    /// <summary>The function's requests in flight: executing, or waiting for an instance.</summary>
    int InFlight { get; }

    /// <summary>Schedules the function's first events.</summary>
    void Start(Simulator simulator);

    /// <summary>Handles one event of this function (<paramref name="target"/> already translated to the function's own index).</summary>
    void Handle(Simulator simulator, int kind, int target, int tag, double now);
}
