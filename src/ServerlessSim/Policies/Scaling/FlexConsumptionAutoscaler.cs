namespace ServerlessSim.Policies.Scaling;

/// <summary>Flex Consumption's HTTP scaling: one instance per HTTP-concurrency requests in the system, spare instances kept for the scale-in delay.</summary>
/// <remarks>
/// Instances wanted = ceil(requests in the system now / per-instance concurrency), at least the always-ready
/// instances. E.g. per-instance concurrency 16, 40 requests executing or waiting: ceil(40 / 16) = 3 instances. The
/// largest number wanted over the scale-in delay is kept, so instances go only after a quiet minute.
/// </remarks>
internal sealed class FlexConsumptionAutoscaler(FlexConsumptionScalingOptions options) : IAutoscaler
{
    private readonly HoldWindow _scaleIn = new(options.ScaleInDelay.Seconds);

    public int InitialInstances => options.MinInstances;

    public ScaleResult Scale(double nowSeconds, in AutoscalerContext context)
    {
        var wanted = (context.CurrentConcurrency + context.MaxConcurrentPerInstance - 1) / context.MaxConcurrentPerInstance;
        var held = _scaleIn.Record(nowSeconds, wanted);
        return new ScaleResult(Math.Clamp(held, options.MinInstances, Math.Max(options.MinInstances, options.EffectiveMaxInstances)));
    }
}
