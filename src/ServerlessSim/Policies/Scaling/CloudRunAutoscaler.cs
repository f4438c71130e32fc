namespace ServerlessSim.Policies.Scaling;

/// <summary>Cloud Run's autoscaler: concurrency and CPU targets over one minute, pending requests served at once, spare instances kept for the retention.</summary>
/// <remarks>
/// Instances wanted = the largest of ceil(average concurrency / (60% x K)), ceil(average vCPUs in use / (60% x
/// vCPUs)) and ceil(requests in the system now / K). E.g. K = 80, 1 vCPU, over the last minute 100 requests in flight
/// and 2.5 vCPUs busy, 120 requests now: max(ceil(100 / 48), ceil(2.5 / 0.6), ceil(120 / 80)) = max(3, 5, 2) = 5.
/// The largest number wanted over the idle retention (15 minutes) is kept, then min and max instances apply.
/// </remarks>
internal sealed class CloudRunAutoscaler(CloudRunScalingOptions options) : IAutoscaler
{
    private readonly HoldWindow _retention = new(options.IdleRetention.Seconds);

    public int InitialInstances => options.MinInstances;

    public ScaleResult Scale(double nowSeconds, in AutoscalerContext context)
    {
        var window = options.Window.Seconds;
        var k = context.MaxConcurrentPerInstance;
        var byConcurrency = Math.Ceiling(context.AverageConcurrency(window) / (options.TargetConcurrencyUtilization * k));
        var byCpu = Math.Ceiling(context.AverageBusyVCpus(window) / (options.TargetCpuUtilization * context.VCpusPerInstance));

        // Pending requests start instances for themselves (a request can trigger a scale-out, from zero too).
        var byPending = Math.Ceiling(context.CurrentConcurrency / (double)k);
        var wanted = (int)Math.Min(int.MaxValue, Math.Max(byConcurrency, Math.Max(byCpu, byPending)));
        var held = _retention.Record(nowSeconds, wanted);
        return new ScaleResult(Math.Clamp(held, options.MinInstances, Math.Max(options.MinInstances, options.EffectiveMaxInstances)));
    }
}
