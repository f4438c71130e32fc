using ServerlessSim.Engine;
using ServerlessSim.Policies.KeepAlive;
using ServerlessSim.Randomness;

namespace ServerlessSim.Policies.Scaling;

/// <summary>
/// AWS Lambda's scaling: a request that finds no free environment starts a new one on the request path (a cold
/// start) or is throttled; idle environments expire. No autoscaler runs. Every rule below is off by default
/// (<see cref="Instance"/>): <see cref="Presets.AwsLambda"/> turns on today's.
/// </summary>
/// <remarks>
/// The account limit, the function's reserved concurrency and its cap apply in any case. Sources for each rule are
/// in docs/platforms/aws-lambda.md.
/// </remarks>
public sealed record PerRequestScalingOptions : ScalingOptions
{
    /// <summary>Lambda's init-phase limit for on-demand environments: 10 s.</summary>
    public static readonly SimDuration LambdaInitTimeout = SimDuration.FromSeconds(10);

    /// <summary>Lambda's longest function timeout: 900 s (15 minutes).</summary>
    public static readonly SimDuration LambdaMaxFunctionTimeout = SimDuration.FromSeconds(900);

    /// <summary>Lambda's invocation rate: 10 requests a second per unit of concurrency.</summary>
    public const double LambdaRequestRatePerConcurrency = 10;

    /// <summary>Per-request scaling with no rate limit, a fixed keep-alive, no lifetime or timeout, nothing provisioned.</summary>
    public static PerRequestScalingOptions Instance { get; } = new();

    /// <summary>How fast new environments may be added; null for no limit.</summary>
    public ScalingRateOptions? ScalingRate { get; init; }

    /// <summary>
    /// Lambda's invocation rate limit, in requests per second per unit of concurrency (Lambda: 10): the account takes at
    /// most this times its concurrency limit in invocations a second, and a function with reserved concurrency r at most
    /// this times r; null for no limit.
    /// </summary>
    /// <remarks>
    /// Each is a token bucket holding one second's worth, refilled continuously: with the default limit of 1,000, a
    /// burst of 10,000 invocations at once, then 10,000 a second. It binds before the concurrency limit only for
    /// invocations shorter than 1 / 10 s = 100 ms on average (Little's law: 1,000 in flight x 10 a second each).
    /// </remarks>
    public double? RequestRatePerConcurrency { get; init; }

    /// <summary>When idle environments are reclaimed; null for the function's fixed keep-alive.</summary>
    public KeepAliveOptions? KeepAlive { get; init; }

    /// <summary>Which idle environment takes a request: the most recently used by default (older ones then expire first).</summary>
    public IdleEnvironmentChoice IdleChoice { get; init; } = IdleEnvironmentChoice.MostRecentlyUsed;

    /// <summary>
    /// How long an environment lives at most, in seconds from its start, even if busy: then it takes no more requests,
    /// and goes once its requests finish (Lambda recycles environments "every few hours"); null for no limit.
    /// </summary>
    public IDistribution? MaxLifetime { get; init; }

    /// <summary>
    /// The longest an on-demand environment's initialisation may take (Lambda: 10 s): one that would take longer is cut
    /// at the limit and initialised again when its first request runs, then bounded by <see cref="FunctionTimeout"/>
    /// (a second overrun fails the requests waiting for it); null for no limit.
    /// </summary>
    public SimDuration? InitTimeout { get; init; }

    /// <summary>
    /// The function timeout: an execution (CPU and IO) running longer ends in an error at the limit, and a second
    /// initialisation is bounded by it; null for none (Lambda's default is 3 s, its maximum 900 s).
    /// </summary>
    /// <remarks>Exact for one request per environment; with several sharing an environment, the request is failed at its completion if it ran over.</remarks>
    public SimDuration? FunctionTimeout { get; init; }

    /// <summary>Environments initialised in advance that never expire and serve first; null for none.</summary>
    public ProvisionedConcurrencyOptions? ProvisionedConcurrency { get; init; }

    /// <inheritdoc />
    public override string Kind => "perRequest";
}
