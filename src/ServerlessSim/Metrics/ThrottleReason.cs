namespace ServerlessSim.Metrics;

/// <summary>Why a request was rejected.</summary>
public enum ThrottleReason
{
    /// <summary>The account concurrency limit was reached (Lambda: ConcurrentInvocationLimitExceeded, HTTP 429).</summary>
    AccountConcurrency,

    /// <summary>The function's maximum number of instances was reached.</summary>
    MaxInstances,

    /// <summary>The front queue was full (Knative's activator, Cloud Run's pending requests at capacity).</summary>
    QueueFull,

    /// <summary>Every instance was full and the platform starts none on the request path (Lambda Managed Instances' 429 while it scales).</summary>
    InstanceCapacity,

    /// <summary>The function's reserved concurrency was reached (Lambda: ReservedFunctionConcurrentInvocationLimitExceeded, HTTP 429).</summary>
    ReservedConcurrency,

    /// <summary>The function could not add an environment that fast (Lambda's scaling rate: FunctionInvocationRateLimitExceeded, HTTP 429).</summary>
    ScalingRate,

    /// <summary>
    /// Invocations came faster than the account's (or a reserved function's) request rate allows (Lambda: 10 a second
    /// per unit of concurrency; FunctionInvocationRateLimitExceeded or ReservedFunctionInvocationRateLimitExceeded, HTTP 429).
    /// </summary>
    RequestRate,
}
