namespace ServerlessSim.Policies.Scaling;

/// <summary>Lambda Managed Instances' asynchronous scaling: CPU and concurrency targets, capacity at most doubling (or halving) per 5 minutes.</summary>
/// <remarks>
/// Environments wanted = max(ceil(average vCPUs in use / (target x vCPUs)), ceil(average concurrency / (target x
/// K))), moved towards from the current count by at most a factor 2^(tick / 5 min) per tick, rounded to the nearest
/// (so rounding does not compound into faster growth), and by at least one environment when it must grow. E.g.
/// tick 10 s: 2^(10 / 300) = 1.023 per tick, 100 environments -> 102 -> 104 ... about 200 after 5 minutes; 3
/// environments grow by one a tick. With 50% targets the environments absorb a doubling at once; faster growth
/// outruns them and the excess is throttled.
/// </remarks>
internal sealed class ManagedInstancesAutoscaler(ManagedInstancesScalingOptions options) : IAutoscaler
{
    private readonly double _stepFactor = Math.Pow(2, options.TickInterval.Seconds / options.DoublingTime.Seconds);

    public int InitialInstances => options.MinInstances;

    public ScaleResult Scale(double nowSeconds, in AutoscalerContext context)
    {
        var window = options.Window.Seconds;
        var byCpu = Math.Ceiling(context.AverageBusyVCpus(window) / (options.TargetCpuUtilization * context.VCpusPerInstance));
        var byConcurrency = Math.Ceiling(context.AverageConcurrency(window) / (options.TargetConcurrencyUtilization * context.MaxConcurrentPerInstance));
        var wanted = Math.Max(byCpu, byConcurrency);

        var current = context.Instances;
        var up = Math.Max(current + 1, Math.Round(current * _stepFactor));
        var down = Math.Round(current / _stepFactor);
        var desired = (int)Math.Min(int.MaxValue, Math.Clamp(wanted, down, up));
        return new ScaleResult(Math.Clamp(desired, options.MinInstances, Math.Max(options.MinInstances, options.EffectiveMaxInstances)));
    }
}
