using ServerlessSim.Engine;

namespace ServerlessSim.Policies.Scaling;

/// <summary>How fast a function may add execution environments: <see cref="TokenBucketScalingRate"/> (Lambda today) or <see cref="LegacyBurstScalingRate"/> (Lambda before 2023).</summary>
/// <remarks>A request that needs a new environment beyond the rate is throttled (HTTP 429, FunctionInvocationRateLimitExceeded).</remarks>
public abstract record ScalingRateOptions
{
    private protected ScalingRateOptions()
    {
    }

    /// <summary>Lambda's scaling rate since 2023: 1,000 environments per 10 seconds per function, refilled continuously.</summary>
    public static TokenBucketScalingRate AwsLambda { get; } = new(1000, SimDuration.FromSeconds(10));

    /// <summary>A short name for reports.</summary>
    public abstract string Kind { get; }
}

/// <summary>
/// A token bucket of new environments: it holds at most <see cref="Environments"/>, refills continuously at
/// <see cref="Environments"/> per <see cref="Period"/>, and each new environment takes one. Unused capacity does not
/// accumulate beyond the bucket.
/// </summary>
/// <remarks>
/// E.g. Lambda's 1,000 per 10 s: from rest a step of traffic may start 1,000 environments at once, then 100 a second;
/// after 15 s of saturation the function has 1,000 + 15 x 100 = 2,500. Source: AWS Lambda developer guide, "Lambda
/// scaling behavior" (docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html, read 2026-12-02): "1,000 execution
/// environment instances every 10 seconds", refilled "continuously ... rather than in one burst", and unused
/// capacity is not accrued.
/// </remarks>
/// <param name="Environments">The bucket's size, and the refill per period (at least 1).</param>
/// <param name="Period">The time in which the bucket refills completely (positive).</param>
public sealed record TokenBucketScalingRate(int Environments, SimDuration Period) : ScalingRateOptions
{
    /// <summary>The refill rate, in environments per second.</summary>
    public double PerSecond => Environments / Period.Seconds;

    /// <inheritdoc />
    public override string Kind => "tokenBucket";
}

/// <summary>
/// Lambda's scaling before December 2023: a function's concurrency may reach <see cref="InitialBurst"/> at once, then
/// grow by <see cref="IncreasePerMinute"/> a minute while it stays at or above the burst.
/// </summary>
/// <remarks>
/// The burst was regional: 3,000 (US West (Oregon), US East (N. Virginia), Europe (Ireland)), 1,000 (Asia Pacific
/// (Tokyo), Europe (Frankfurt), US East (Ohio)), 500 elsewhere; then +500 per minute. Modelled: the ceiling on the
/// function's active environments is the burst plus 500 x minutes since its active environments first reached the
/// burst (growing continuously), and falls back to the burst when they drop below it. E.g. a burst of 500 and 3
/// minutes at the ceiling allow 2,000. Seen in papers and older measurements; still useful to reproduce them.
/// </remarks>
/// <param name="InitialBurst">The concurrency reachable at once (500, 1,000 or 3,000 by region).</param>
/// <param name="IncreasePerMinute">The growth past it, in environments per minute (500).</param>
public sealed record LegacyBurstScalingRate(int InitialBurst = 3000, int IncreasePerMinute = LegacyBurstScalingRate.DefaultIncreasePerMinute) : ScalingRateOptions
{
    /// <summary>The legacy growth past the burst: 500 environments a minute.</summary>
    public const int DefaultIncreasePerMinute = 500;

    /// <inheritdoc />
    public override string Kind => "legacyBurst";
}
