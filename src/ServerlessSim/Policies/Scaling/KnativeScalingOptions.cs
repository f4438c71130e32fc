using ServerlessSim.Engine;
using ServerlessSim.Policies.Waiting;

namespace ServerlessSim.Policies.Scaling;

/// <summary>
/// The Knative Pod Autoscaler (KPA), with the defaults of Knative Serving's <c>config-autoscaler</c>: target 100
/// concurrent requests per pod at 70% utilisation, a 60 s stable window, a 6 s panic window (10%), panic at 200% of
/// target, a decision every 2 s, scale-up at most 1,000x and scale-down at most 2x per decision, scale to zero after
/// a 30 s grace period; the activator buffers requests while no pod has room.
/// </summary>
/// <remarks>
/// Source: knative.dev/serving, pkg/autoscaler/scaling/autoscaler.go (the decision) and
/// pkg/reconciler/autoscaling/kpa/scaler.go (bounds, scale to zero); defaults from config/core/configmaps/autoscaler.yaml.
/// </remarks>
public sealed record KnativeScalingOptions : AutoscalingOptions
{
    /// <summary>Knative's default decision interval (the autoscaler's tick).</summary>
    public static readonly SimDuration DefaultTickInterval = SimDuration.FromSeconds(2);

    /// <summary>Knative's activator timeout for a request it buffers: the revision timeout's default, 300 s.</summary>
    public static readonly SimDuration DefaultActivatorTimeout = SimDuration.FromSeconds(300);

    /// <summary>Target concurrent requests per pod (container-concurrency-target-default 100).</summary>
    public double TargetConcurrency { get; init; } = 100;

    /// <summary>The share of the target the autoscaler aims at (container-concurrency-target-percentage 70%).</summary>
    /// <remarks>E.g. target 100 at 0.7: each pod is sized for 70 requests in flight.</remarks>
    public double TargetUtilization { get; init; } = 0.7;

    /// <summary>The window averaged for normal decisions (stable-window 60 s).</summary>
    public SimDuration StableWindow { get; init; } = SimDuration.FromSeconds(60);

    /// <summary>The panic window as a percentage of the stable window (panic-window-percentage 10: 6 s of 60 s).</summary>
    public double PanicWindowPercentage { get; init; } = 10;

    /// <summary>Panic when the panic window wants this percentage of the ready pods (panic-threshold-percentage 200).</summary>
    public double PanicThresholdPercentage { get; init; } = 200;

    /// <summary>At most this many times the ready pods per decision (max-scale-up-rate 1,000).</summary>
    public double MaxScaleUpRate { get; init; } = 1000;

    /// <summary>At least the ready pods divided by this per decision (max-scale-down-rate 2: halve at most).</summary>
    public double MaxScaleDownRate { get; init; } = 2;

    /// <summary>How long the decision must have been zero before the last pod goes (scale-to-zero-grace-period 30 s).</summary>
    public SimDuration ScaleToZeroGracePeriod { get; init; } = SimDuration.FromSeconds(30);

    /// <summary>Scale-down decisions take effect only after holding this long (scale-down-delay 0 s: at once).</summary>
    public SimDuration ScaleDownDelay { get; init; } = SimDuration.Zero;

    /// <summary>Pods ready when the revision is created (initial-scale 1).</summary>
    public int InitialScale { get; init; } = 1;

    /// <inheritdoc />
    public override SimDuration TickInterval { get; init; } = DefaultTickInterval;

    /// <inheritdoc />
    public override string Kind => "knative";

    /// <summary>The activator: a front queue with the revision timeout (300 s) and no capacity limit.</summary>
    public override WaitingOptions DefaultWaiting => WaitingOptions.FrontQueue(DefaultActivatorTimeout);

    /// <summary>The requests in flight one pod is sized for: target x utilisation (100 x 0.7 = 70).</summary>
    public double TargetValue => TargetConcurrency * TargetUtilization;

    /// <summary>The panic window: stable window x percentage (60 s x 10% = 6 s).</summary>
    public SimDuration PanicWindow => StableWindow * (PanicWindowPercentage / 100);
}
