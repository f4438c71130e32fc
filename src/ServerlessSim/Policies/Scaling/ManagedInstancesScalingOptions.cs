using ServerlessSim.Engine;
using ServerlessSim.Policies.Waiting;

namespace ServerlessSim.Policies.Scaling;

/// <summary>The language runtime of a Lambda Managed Instances function, which sets its default concurrency per vCPU.</summary>
public enum ManagedInstancesRuntime
{
    /// <summary>Node.js: 64 concurrent requests per vCPU by default.</summary>
    Node,

    /// <summary>Python: 16 per vCPU by default.</summary>
    Python,

    /// <summary>Java: 32 per vCPU by default.</summary>
    Java,

    /// <summary>.NET: 32 per vCPU by default.</summary>
    DotNet,
}

/// <summary>
/// AWS Lambda Managed Instances: execution environments with N vCPUs serving many requests each, scaled
/// asynchronously on CPU use and concurrency saturation (no cold start on the request path: a request that finds
/// every environment full is throttled), three environments at least, capacity growing at most 2x per 5 minutes.
/// </summary>
/// <remarks>
/// Source: docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-scaling.html: scaling is asynchronous on
/// CPU utilisation and multi-concurrency saturation; "if your traffic more than doubles within 5 minutes, you may see
/// throttles"; three instances and three execution environments by default; minimum function size 2 GB and 1 vCPU.
/// AWS publishes neither the target utilisation nor the averaging window: a 50% target keeps 2x headroom, which is
/// what absorbing a doubling within the 5 minutes it takes capacity to double requires (docs/platforms/lambda-managed-instances.md).
/// </remarks>
public sealed record ManagedInstancesScalingOptions : AutoscalingOptions
{
    /// <summary>Execution environments started before the function version is active (three, for AZ resiliency).</summary>
    public const int DefaultMinEnvironments = 3;

    /// <summary>Lambda Managed Instances with the modelled defaults (at least three environments).</summary>
    public ManagedInstancesScalingOptions() => MinInstances = DefaultMinEnvironments;

    /// <summary>The share of each environment's vCPUs to keep in use (an assumption: 50%, see remarks).</summary>
    public double TargetCpuUtilization { get; init; } = 0.5;

    /// <summary>The share of each environment's maximum concurrency to keep in use (an assumption: 50%).</summary>
    public double TargetConcurrencyUtilization { get; init; } = 0.5;

    /// <summary>The window both averages cover (an assumption: one minute).</summary>
    public SimDuration Window { get; init; } = SimDuration.FromSeconds(60);

    /// <summary>The span over which capacity may at most double (and at most halve when scaling down): 5 minutes.</summary>
    public SimDuration DoublingTime { get; init; } = SimDuration.FromMinutes(5);

    /// <inheritdoc />
    public override SimDuration TickInterval { get; init; } = SimDuration.FromSeconds(10);

    /// <inheritdoc />
    public override string Kind => "managedInstances";

    /// <summary>No waiting: a request that finds every environment full is throttled (HTTP 429).</summary>
    public override WaitingOptions DefaultWaiting => WaitingOptions.Reject;

    /// <summary>The default maximum concurrency per vCPU of <paramref name="runtime"/>: Node 64, Python 16, Java and .NET 32.</summary>
    public static int DefaultConcurrencyPerVCpu(ManagedInstancesRuntime runtime) => runtime switch
    {
        ManagedInstancesRuntime.Node => 64,
        ManagedInstancesRuntime.Python => 16,
        ManagedInstancesRuntime.Java or ManagedInstancesRuntime.DotNet => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(runtime), runtime, "Unknown runtime."),
    };

    /// <summary>The default maximum concurrency of an environment: per vCPU x vCPUs, at least 1 (e.g. Node on 2 vCPUs: 128).</summary>
    public static int DefaultMaxConcurrency(ManagedInstancesRuntime runtime, double vCpus) =>
        Math.Max(1, (int)Math.Floor(DefaultConcurrencyPerVCpu(runtime) * vCpus));
}
