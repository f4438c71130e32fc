namespace ServerlessSim.Policies.Scaling;

/// <summary>Creates autoscalers from their options, one per run.</summary>
public static class ScalingPolicies
{
    /// <summary>A new autoscaler for <paramref name="options"/> (one per run: autoscalers remember their own decisions).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown options.</exception>
    public static IAutoscaler Create(AutoscalingOptions options) => options switch
    {
        KnativeScalingOptions knative => new KnativeAutoscaler(knative),
        CloudRunScalingOptions cloudRun => new CloudRunAutoscaler(cloudRun),
        ManagedInstancesScalingOptions managed => new ManagedInstancesAutoscaler(managed),
        FlexConsumptionScalingOptions flex => new FlexConsumptionAutoscaler(flex),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options, "Unknown autoscaling options."),
    };

    /// <summary>The longest metrics window <paramref name="options"/> averages over, in seconds (what the platform must keep).</summary>
    public static double LongestWindowSeconds(AutoscalingOptions options) => options switch
    {
        KnativeScalingOptions knative => knative.StableWindow.Seconds,
        CloudRunScalingOptions cloudRun => cloudRun.Window.Seconds,
        ManagedInstancesScalingOptions managed => managed.Window.Seconds,
        _ => 1,
    };
}
