using ServerlessSim.Engine;
using ServerlessSim.Policies.Waiting;

namespace ServerlessSim.Policies.Scaling;

/// <summary>
/// Google Cloud Run's autoscaler: enough instances to keep request concurrency at 60% of the maximum per instance and
/// CPU at 60%, both averaged over one minute, evaluated every 5 s; at most 100 instances by default; instances above
/// the need are kept idle for up to 15 minutes; pending requests wait up to 10 s for an instance.
/// </summary>
/// <remarks>
/// Source: cloud.google.com/run/docs/about-instance-autoscaling (targets, window, 5 s evaluation, pending requests
/// wait up to 10 s then get 429, extra instances destroyed after 15 minutes idle) and .../configuring/max-instances
/// (default 100). The docs do not say how pending requests start instances; here they are counted at the maximum
/// concurrency at once, so a burst starts enough instances for itself (see docs/platforms/cloud-run.md).
/// </remarks>
public sealed record CloudRunScalingOptions : AutoscalingOptions
{
    /// <summary>Cloud Run's default maximum number of instances.</summary>
    public const int DefaultMaxInstances = 100;

    /// <summary>How long a pending request waits for an instance before a 429 (10 s when instances start in under 10 s).</summary>
    public static readonly SimDuration DefaultPendingTimeout = SimDuration.FromSeconds(10);

    /// <summary>A Cloud Run autoscaler with the documented defaults (at most 100 instances).</summary>
    public CloudRunScalingOptions() => MaxInstances = DefaultMaxInstances;

    /// <summary>The share of the maximum concurrency per instance to keep in use (60%).</summary>
    public double TargetConcurrencyUtilization { get; init; } = 0.6;

    /// <summary>The share of each instance's CPU to keep in use (60%).</summary>
    public double TargetCpuUtilization { get; init; } = 0.6;

    /// <summary>The window both averages cover (one minute).</summary>
    public SimDuration Window { get; init; } = SimDuration.FromSeconds(60);

    /// <summary>How long instances above the need are kept before they go (up to 15 minutes).</summary>
    /// <remarks>Modelled as the largest number wanted over this span: after a spike, capacity stays 15 minutes.</remarks>
    public SimDuration IdleRetention { get; init; } = SimDuration.FromMinutes(15);

    /// <inheritdoc />
    public override SimDuration TickInterval { get; init; } = SimDuration.FromSeconds(5);

    /// <inheritdoc />
    public override string Kind => "cloudRun";

    /// <summary>Pending requests in a front queue, 10 s each at most, no capacity limit.</summary>
    public override WaitingOptions DefaultWaiting => WaitingOptions.FrontQueue(DefaultPendingTimeout);
}
