using ServerlessSim.Engine;
using ServerlessSim.Metrics;

namespace ServerlessSim.Platform;

/// <summary>One function of an account on one policy, as the <see cref="AccountModel"/> sees it: it starts, handles its events and reports its load.</summary>
/// <remarks>
/// <see cref="DirectInvocationModel"/> is a function its clients call (on any platform);
/// <see cref="EventSources.EventSourceModel"/> one an event source invokes with batches. After each event the account reads <see cref="Instances"/>,
/// <see cref="InFlight"/> and <see cref="Concurrency"/> to keep its running totals.
/// </remarks>
internal interface IFunctionModel
{
    /// <summary>The function's instances, by state.</summary>
    InstanceCounts Instances { get; }

    /// <summary>The function's metrics.</summary>
    RunMetrics Metrics { get; }

    /// <summary>The function's requests in the system: on the platform, or waiting to be retried by their callers.</summary>
    int InFlight { get; }

    /// <summary>The function's requests on the platform, as a concurrency limit counts them.</summary>
    int Concurrency { get; }

    /// <summary>The first of the model's invariants that does not hold, described; null if all hold (checked after every event in Debug builds).</summary>
    string? Violation();

    /// <summary>Schedules the function's first events.</summary>
    void Start(Simulator simulator);

    /// <summary>Handles one event of this function (<paramref name="target"/> already translated to the function's own index).</summary>
    void Handle(Simulator simulator, int kind, int target, int tag, double now);
}
