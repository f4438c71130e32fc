namespace ServerlessSim.Policies.Scaling;

/// <summary>Decides how many instances a function wants, from a window of metrics, at simulated times.</summary>
/// <remarks>
/// Called every tick (and at once when a request arrives to a pool of zero). A decision depends only on its time,
/// its context and what the autoscaler remembers from its own earlier decisions (Knative's panic mode, say), so one
/// autoscaler belongs to one run: not thread-safe. Create one per run with <see cref="ScalingPolicies.Create"/>.
/// </remarks>
public interface IAutoscaler
{
    /// <summary>Instances ready when the run starts, as for a service already deployed.</summary>
    int InitialInstances { get; }

    /// <summary>The decision at <paramref name="nowSeconds"/> (simulated seconds since the start).</summary>
    ScaleResult Scale(double nowSeconds, in AutoscalerContext context);
}
