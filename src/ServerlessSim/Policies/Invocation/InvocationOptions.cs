using ServerlessSim.Engine;

namespace ServerlessSim.Policies.Invocation;

/// <summary>
/// How a function's callers invoke it and what they do when an invocation is throttled or fails:
/// <see cref="SynchronousInvocation"/> (a client waits for the response, and may retry a 429) or
/// <see cref="AsynchronousInvocation"/> (Lambda's internal event queue retries for them).
/// </summary>
/// <remarks>
/// It belongs to the traffic, not to a platform, so every policy of a scenario gets the same callers: a request that
/// one policy throttles is retried there as it would be by the same client against any platform.
/// </remarks>
public abstract record InvocationOptions
{
    private protected InvocationOptions()
    {
    }

    /// <summary>Synchronous calls with no retries: a throttled request fails at once (the default).</summary>
    public static SynchronousInvocation Synchronous { get; } = new();

    /// <summary>A short name for reports: <c>sync</c> or <c>async</c>.</summary>
    public abstract string Kind { get; }
}

/// <summary>Synchronous invocation: the caller waits; a throttled request (HTTP 429) is retried by the client if <see cref="Retry"/> says so.</summary>
/// <remarks>Function errors are not retried: for Lambda they are a successful call carrying an error (the SDKs retry throttles and 5xx only).</remarks>
/// <param name="Retry">The client's retries of throttled requests; null for none.</param>
public sealed record SynchronousInvocation(ClientRetryOptions? Retry = null) : InvocationOptions
{
    /// <inheritdoc />
    public override string Kind => "sync";
}

/// <summary>
/// A client's retries of throttled requests: exponential backoff with full jitter. Attempt n (n = 1 for the first
/// retry) waits U(0, 1) x min(<see cref="BaseDelay"/> x 2^(n-1), <see cref="MaxDelay"/>).
/// </summary>
/// <remarks>
/// E.g. the AWS SDKs' standard mode (3 attempts, 1 s base, 20 s cap): a request throttled twice waits up to 1 s, then
/// up to 2 s, and fails if its third attempt is throttled too. Source: AWS SDKs and Tools reference guide, "Retry
/// behavior" (docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html, read 2026-12-02): standard mode
/// makes three attempts with exponential backoff and jitter, capped at 20 s.
/// </remarks>
/// <param name="MaxAttempts">Attempts in all, the first included (1..100; 1 means no retry).</param>
/// <param name="BaseDelay">The backoff's scale: the first retry waits up to this long.</param>
/// <param name="MaxDelay">The longest any retry waits.</param>
public sealed record ClientRetryOptions(int MaxAttempts, SimDuration BaseDelay, SimDuration MaxDelay)
{
    /// <summary>The AWS SDKs' standard retry mode: 3 attempts, backoff from 1 s with full jitter, capped at 20 s.</summary>
    public static ClientRetryOptions AwsSdkStandard { get; } = new(3, SimDuration.FromSeconds(1), SimDuration.FromSeconds(20));

    /// <summary>The most attempts a caller may be given.</summary>
    public const int MaxAllowedAttempts = 100;
}

/// <summary>
/// Lambda's asynchronous invocation: the event goes into the function's internal queue and the caller is answered at
/// once; Lambda invokes the function from the queue, retries throttled invocations with growing delays until the
/// event is <see cref="MaxEventAge"/> old (then drops it), and retries a function error <see cref="MaxRetryAttempts"/>
/// times, one minute and then two minutes later.
/// </summary>
/// <remarks>
/// Source: AWS Lambda developer guide, "How Lambda handles errors and retries with asynchronous invocation"
/// (docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html, read 2026-12-02): throttles are retried
/// for up to 6 hours with an interval growing exponentially from 1 second to 5 minutes; function errors twice, after
/// 1 and 2 minutes. Modelled: the queue hands an event to the function as soon as it is due (no polling delay), and a
/// throttle retry waits min(1 s x 2^(n-1), 5 min) x U(0.5, 1) (the jitter is an assumption: AWS documents none).
/// A dropped event would go to a dead-letter queue or on-failure destination; it is counted as dropped.
/// </remarks>
/// <param name="MaxEventAge">How long an event may wait for a successful invocation (60 s..6 h).</param>
/// <param name="MaxRetryAttempts">Retries after a function error (0..2).</param>
public sealed record AsynchronousInvocation(SimDuration MaxEventAge, int MaxRetryAttempts = AsynchronousInvocation.DefaultMaxRetryAttempts) : InvocationOptions
{
    /// <summary>Lambda's default (and longest) maximum event age: 6 hours.</summary>
    public static readonly SimDuration DefaultMaxEventAge = SimDuration.FromSeconds(6 * 3600);

    /// <summary>Lambda's default retries after a function error: 2.</summary>
    public const int DefaultMaxRetryAttempts = 2;

    /// <summary>The first throttle retry's scale: 1 s.</summary>
    public static readonly SimDuration FirstThrottleRetryDelay = SimDuration.FromSeconds(1);

    /// <summary>The longest throttle retry delay: 5 minutes.</summary>
    public static readonly SimDuration MaxThrottleRetryDelay = SimDuration.FromSeconds(300);

    /// <summary>The waits before the first and second retries of a function error: 1 and 2 minutes.</summary>
    public static IReadOnlyList<SimDuration> ErrorRetryDelays { get; } = [SimDuration.FromSeconds(60), SimDuration.FromSeconds(120)];

    /// <summary>Lambda's defaults: events kept up to 6 hours, function errors retried twice.</summary>
    public static AsynchronousInvocation Default { get; } = new(DefaultMaxEventAge);

    /// <inheritdoc />
    public override string Kind => "async";
}
