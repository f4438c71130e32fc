using ServerlessSim.Engine;
using ServerlessSim.Policies.Waiting;

namespace ServerlessSim.Policies.Scaling;

/// <summary>How a platform adds and removes instances: <see cref="PerRequestScalingOptions"/> (AWS Lambda) or an autoscaler (<see cref="AutoscalingOptions"/>).</summary>
public abstract record ScalingOptions
{
    private protected ScalingOptions()
    {
    }

    /// <summary>A short name for reports and results (e.g. <c>knative</c>).</summary>
    public abstract string Kind { get; }
}

/// <summary>
/// An autoscaler driven by simulated time: every <see cref="TickInterval"/> it looks at a window of metrics and sets
/// the number of instances it wants, between <see cref="MinInstances"/> and <see cref="MaxInstances"/>. Requests do
/// not start instances themselves unless the policy's waiting says so (<see cref="WaitingKind.NewInstance"/>).
/// </summary>
/// <remarks>
/// An autoscaled platform ignores the function's keep-alive: its autoscaler decides when instances go. Its
/// <see cref="MinInstances"/> (or the autoscaler's initial scale, if larger) are ready at time 0, as for a service
/// that is already deployed.
/// </remarks>
public abstract record AutoscalingOptions : ScalingOptions
{
    private protected AutoscalingOptions()
    {
    }

    /// <summary>Instances kept however low the traffic (Cloud Run min instances, Knative min-scale, Azure always-ready).</summary>
    public int MinInstances { get; init; }

    /// <summary>The most instances the autoscaler may want; null for no cap (the account limit and the function's cap still apply).</summary>
    public int? MaxInstances { get; init; }

    /// <summary>How often the autoscaler decides, in simulated time.</summary>
    public abstract SimDuration TickInterval { get; init; }

    /// <summary>Where a request waits when no instance has a free slot, unless the policy says otherwise.</summary>
    public abstract WaitingOptions DefaultWaiting { get; }

    /// <summary>The cap as a number: <see cref="MaxInstances"/>, or <see cref="int.MaxValue"/> for none.</summary>
    public int EffectiveMaxInstances => MaxInstances ?? int.MaxValue;
}
