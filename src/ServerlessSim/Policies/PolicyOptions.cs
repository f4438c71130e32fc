using ServerlessSim.Cost;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Policies.Concurrency;
using ServerlessSim.Policies.Contention;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Policies.Waiting;

namespace ServerlessSim.Policies;

/// <summary>One execution model to compare: how instances take requests, what the limit counts, how it is billed.</summary>
/// <param name="Name">A short name for reports (unique within a scenario).</param>
/// <param name="Concurrency">One or many requests per instance.</param>
/// <param name="Dispatch">Which ready instance gets a request; null for <see cref="DispatchKind.LeastLoaded"/>.</param>
/// <param name="LimitCounts">What the account limit counts; null for in-flight requests with one per instance and instances with many.</param>
/// <param name="Billing">How usage is billed; null for Lambda's per-request billing with one per instance and Cloud Run's instance-based billing with many.</param>
public sealed record PolicyOptions(
    string Name,
    ConcurrencyOptions Concurrency,
    DispatchOptions? Dispatch = null,
    LimitScope? LimitCounts = null,
    BillingOptions? Billing = null)
{
    /// <summary>AWS Lambda's model: one request per instance, the limit counts in-flight requests, per-request billing.</summary>
    public static PolicyOptions OnePerInstance(string name = "one-per-instance") => new(name, new OnePerInstanceOptions());

    /// <summary>Many requests per instance (K), the limit counting instances, billed for instance time.</summary>
    public static PolicyOptions ManyPerInstance(int maxConcurrentPerInstance = ManyPerInstanceOptions.CloudRunDefaultConcurrency, double? vCpus = null, string? name = null) =>
        new(name ?? $"many-per-instance-k{maxConcurrentPerInstance}", new ManyPerInstanceOptions(maxConcurrentPerInstance, vCpus));

    /// <summary>Whether instances serve many requests at once.</summary>
    public bool IsMany => Concurrency is ManyPerInstanceOptions;

    /// <summary>What the account limit counts, defaults applied.</summary>
    public LimitScope EffectiveLimitCounts => LimitCounts ?? (IsMany ? LimitScope.Instances : LimitScope.InFlightRequests);

    /// <summary>How usage is billed, defaults applied.</summary>
    public BillingOptions EffectiveBilling => Billing ?? new BillingOptions(DefaultBillingModel(IsMany));

    /// <summary>The billing model of a policy that names none: Lambda's with one request per instance, Cloud Run's instance-based with many.</summary>
    public static BillingModel DefaultBillingModel(bool isMany) => isMany ? BillingModel.CloudRunInstanceBased : BillingModel.LambdaPerRequest;

    /// <summary>The dispatch options, defaults applied.</summary>
    public DispatchOptions EffectiveDispatch => Dispatch ?? new DispatchOptions();

    /// <summary>How instances are added and removed; null for AWS Lambda's per-request scaling.</summary>
    /// <remarks>An autoscaler (<see cref="AutoscalingOptions"/>) runs the function as a pool whose instances an autoscaler adds (<c>AutoscaledSupply</c>), K per instance.</remarks>
    public ScalingOptions? Scaling { get; init; }

    /// <summary>Where a request waits when no instance has a free slot; null for the scaling's default (Lambda: a new instance).</summary>
    public WaitingOptions? Waiting { get; init; }

    /// <summary>How requests sharing an instance contend; null for processor sharing over its vCPUs, no memory limit.</summary>
    public ContentionOptions? Contention { get; init; }

    /// <summary>The preset the policy was made from (e.g. <c>cloudRun</c>), for reports; null if none.</summary>
    public string? Preset { get; init; }

    /// <summary>The scaling, defaults applied.</summary>
    public ScalingOptions EffectiveScaling => Scaling ?? PerRequestScalingOptions.Instance;

    /// <summary>Whether an autoscaler decides the instances (rather than requests starting them, as on Lambda).</summary>
    public bool IsAutoscaled => Scaling is AutoscalingOptions;

    /// <summary>Where a request waits, defaults applied.</summary>
    public WaitingOptions EffectiveWaiting => Waiting ?? DefaultWaitingFor(Scaling);

    /// <summary>Where a request waits by default under <paramref name="scaling"/>: the autoscaler's platform default, or a new instance (Lambda).</summary>
    public static WaitingOptions DefaultWaitingFor(ScalingOptions? scaling) =>
        scaling is AutoscalingOptions autoscaling ? autoscaling.DefaultWaiting : WaitingOptions.NewInstance;

    /// <summary>The contention, defaults applied.</summary>
    public ContentionOptions EffectiveContention => Contention ?? ContentionOptions.ProcessorSharing;

    /// <summary>An event source (an SQS queue, a Kinesis stream) in front of the function, invoking it with batches; null for direct invocations.</summary>
    /// <remarks>Each request becomes a message; its latency runs from when it was sent to when its batch was processed.</remarks>
    public BatchingOptions? Batching { get; init; }

    /// <summary>Lambda (one request per instance) behind <paramref name="batching"/>, named <paramref name="name"/> or after the source and batch size (e.g. <c>sqs-batch-10</c>).</summary>
    public static PolicyOptions Batched(BatchingOptions batching, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(batching);
        return OnePerInstance(name ?? $"{batching.Kind}-batch-{batching.BatchSize}") with { Batching = batching };
    }
}
