namespace ServerlessSim.Policies.Scaling;

/// <summary>A read-only view of one function's pool and metrics when its autoscaler decides.</summary>
/// <remarks>Windows end at the decision's time; instances being drained (scaled down, finishing their requests) are not counted.</remarks>
public readonly struct AutoscalerContext
{
    private readonly ScalingMetricsWindow _metrics;
    private readonly double _nowSeconds;

    /// <summary>A context at <paramref name="nowSeconds"/> over <paramref name="metrics"/>, already advanced to that time.</summary>
    /// <param name="nowSeconds">The decision's time, in seconds.</param>
    /// <param name="readyInstances">Instances ready to serve (idle or busy).</param>
    /// <param name="instances">Instances ready or initialising.</param>
    /// <param name="maxConcurrentPerInstance">K, the most requests one instance serves at once.</param>
    /// <param name="vCpusPerInstance">vCPUs of one instance.</param>
    /// <param name="currentConcurrency">Requests in the system now: executing, or waiting for an instance.</param>
    /// <param name="metrics">The time averages.</param>
    public AutoscalerContext(
        double nowSeconds, int readyInstances, int instances, int maxConcurrentPerInstance, double vCpusPerInstance, int currentConcurrency, ScalingMetricsWindow metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _nowSeconds = nowSeconds;
        ReadyInstances = readyInstances;
        Instances = instances;
        MaxConcurrentPerInstance = maxConcurrentPerInstance;
        VCpusPerInstance = vCpusPerInstance;
        CurrentConcurrency = currentConcurrency;
        _metrics = metrics;
    }

    /// <summary>Instances ready to serve (idle or busy).</summary>
    public int ReadyInstances { get; }

    /// <summary>Instances ready or initialising.</summary>
    public int Instances { get; }

    /// <summary>K, the most requests one instance serves at once.</summary>
    public int MaxConcurrentPerInstance { get; }

    /// <summary>vCPUs of one instance.</summary>
    public double VCpusPerInstance { get; }

    /// <summary>Requests in the system now: executing, or waiting for an instance (in a front queue, say).</summary>
    public int CurrentConcurrency { get; }

    /// <summary>Requests in the system, time-averaged over the last <paramref name="windowSeconds"/> seconds.</summary>
    public double AverageConcurrency(double windowSeconds) => _metrics.AverageConcurrency(_nowSeconds, windowSeconds);

    /// <summary>vCPUs in use over all instances, time-averaged over the last <paramref name="windowSeconds"/> seconds.</summary>
    public double AverageBusyVCpus(double windowSeconds) => _metrics.AverageBusyVCpus(_nowSeconds, windowSeconds);
}
