namespace ServerlessSim.Metrics;

/// <summary>Why a request was rejected.</summary>
public enum ThrottleReason
{
    /// <summary>The account concurrency limit was reached (Lambda: ConcurrentInvocationLimitExceeded, HTTP 429).</summary>
    AccountConcurrency,

    /// <summary>The function's maximum number of instances was reached.</summary>
    MaxInstances,
}
