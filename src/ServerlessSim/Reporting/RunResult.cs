using ServerlessSim.Cost;
using ServerlessSim.Metrics;

namespace ServerlessSim.Reporting;

/// <summary>What one replication of one policy measured, over the window from the end of warm-up to the horizon.</summary>
/// <remarks>
/// Requests are those that arrived in the window; each ends completed, throttled, timed out (in a front queue),
/// failed (with its instance), in a function error or dropped (an asynchronous event too old); the run drains
/// in-flight and retrying requests after the horizon, so
/// <c>Requests = Completed + Throttled + TimedOut + Failed + Errors + Dropped</c> exactly. Time-weighted values
/// (instances, in flight, instance-seconds) cover the window only.
/// </remarks>
/// <param name="Policy">The policy's name.</param>
/// <param name="Replication">The replication index (0-based).</param>
/// <param name="Requests">Requests that arrived in the window.</param>
/// <param name="Completed">Of those, requests that completed.</param>
/// <param name="ThrottledByAccountLimit">Of those, requests rejected because the account concurrency limit was reached.</param>
/// <param name="ThrottledByMaxInstances">Of those, requests rejected because the function's maximum instances were reached.</param>
/// <param name="ColdStarts">Of those, requests that waited for an instance to initialise.</param>
/// <param name="InstanceStarts">Instances started (initialisations) in the window.</param>
/// <param name="LatencyMs">Latency of completed requests, in milliseconds.</param>
/// <param name="InstancesMean">Live instances (initialising, busy or idle), time-averaged.</param>
/// <param name="InstancesMax">Most live instances at once.</param>
/// <param name="InFlightMean">Requests in flight, time-averaged.</param>
/// <param name="InFlightMax">Most requests in flight at once.</param>
/// <param name="Usage">Billed quantities: executions, initialisations, instance stretches and lifetimes, instance-seconds, CPU demanded.</param>
/// <param name="Cost">The bill under the policy's billing model, in USD, broken down.</param>
/// <param name="TimeSeries">The run at a fixed step from time zero to the horizon (warm-up included).</param>
/// <param name="EventsHandled">Events the engine handled, warm-up and drain included.</param>
/// <param name="Functions">
/// With several functions in the account, each function's own result (same shape, no time series, latency
/// percentiles within 1%); this record is then the account's: counts and costs are the sums, latency, instances and
/// in-flight are over all requests at once. Empty with one function, whose result this record is.
/// </param>
/// <param name="Function">The function's name when this is one function's result within an account; null for the account.</param>
public sealed record RunResult(
    string Policy,
    int Replication,
    long Requests,
    long Completed,
    long ThrottledByAccountLimit,
    long ThrottledByMaxInstances,
    long ColdStarts,
    long InstanceStarts,
    LatencySummary LatencyMs,
    double InstancesMean,
    double InstancesMax,
    double InFlightMean,
    double InFlightMax,
    Usage Usage,
    CostSummary Cost,
    IReadOnlyList<TimeSeriesPoint> TimeSeries,
    long EventsHandled,
    IReadOnlyList<RunResult>? Functions = null,
    string? Function = null)
{
    /// <summary>Each function's result with several functions; empty with one.</summary>
    public IReadOnlyList<RunResult> FunctionResults => Functions ?? [];

    /// <summary>The latency of completed requests at each of <see cref="LatencyDistribution.Percentiles"/>, in milliseconds; empty with none completed.</summary>
    public IReadOnlyList<LatencyPercentile> LatencyPercentiles { get; init; } = [];

    /// <summary>Of the requests, those rejected because the front queue was full.</summary>
    public long ThrottledByQueueFull { get; init; }

    /// <summary>Of the requests, those rejected because every instance was full and none starts on the request path (Lambda Managed Instances).</summary>
    public long ThrottledByInstanceCapacity { get; init; }

    /// <summary>Of the requests, those rejected because the function's reserved concurrency was reached.</summary>
    public long ThrottledByReservedConcurrency { get; init; }

    /// <summary>Of the requests, those rejected because the function could not add environments that fast (Lambda's scaling rate).</summary>
    public long ThrottledByScalingRate { get; init; }

    /// <summary>Of the requests, those rejected because invocations came faster than the request rate allows (Lambda's 10 a second per unit of concurrency).</summary>
    public long ThrottledByRequestRate { get; init; }

    /// <summary>Throttled attempts (HTTP 429s) of the requests, retried or not: at least <see cref="Throttled"/>.</summary>
    public long ThrottleResponses { get; init; }

    /// <summary>Retries of the requests (a client's after a throttle, or Lambda's asynchronous queue's after a throttle or error).</summary>
    public long Retries { get; init; }

    /// <summary>Of the requests, those that ended in a function error (not retried, or retried as often as allowed).</summary>
    public long Errors { get; init; }

    /// <summary>Of the requests, asynchronous events dropped at their maximum age.</summary>
    public long Dropped { get; init; }

    /// <summary>Requests waiting to be retried (off the platform), time-averaged over the window: the asynchronous queue's depth, or clients in backoff.</summary>
    public double WaitingMean { get; init; }

    /// <summary>Most requests waiting to be retried at once.</summary>
    public double WaitingMax { get; init; }

    /// <summary>The oldest a request was when it was retried, in seconds since it first arrived (the asynchronous queue's age).</summary>
    public double RetryAgeMaxSeconds { get; init; }

    /// <summary>Of the requests, those that waited in a front queue longer than its timeout.</summary>
    public long TimedOut { get; init; }

    /// <summary>Of the requests, those that failed with their instance (it ran out of memory).</summary>
    public long Failed { get; init; }

    /// <summary>Instances that failed (ran out of memory) in the window.</summary>
    public long InstanceFailures { get; init; }

    /// <summary>With a batching policy, what its event source (queue or stream) measured; null otherwise.</summary>
    public EventSourceResult? Batching { get; init; }

    /// <summary>Requests throttled, whatever the reason.</summary>
    public long Throttled =>
        ThrottledByAccountLimit + ThrottledByMaxInstances + ThrottledByQueueFull + ThrottledByInstanceCapacity + ThrottledByReservedConcurrency + ThrottledByScalingRate +
        ThrottledByRequestRate;

    /// <summary>Throttled / requests (0 with no requests).</summary>
    public double ThrottleRatio => Requests == 0 ? 0 : Throttled / (double)Requests;

    /// <summary>Cold starts / completed requests: the share of served requests that waited for an initialisation.</summary>
    public double ColdStartRatio => Completed == 0 ? 0 : ColdStarts / (double)Completed;

    /// <summary>The scalar metrics, flat and in a fixed order, named as in the results document (e.g. <c>latencyMs.p99</c>); a batching policy's <c>batching.*</c> last.</summary>
    public IReadOnlyList<(string Name, double Value)> ToMetrics() =>
    [
        ("requests", Requests),
        ("completed", Completed),
        ("throttled", Throttled),
        ("throttleRatio", ThrottleRatio),
        ("throttledByReason.accountConcurrency", ThrottledByAccountLimit),
        ("throttledByReason.maxInstances", ThrottledByMaxInstances),
        ("throttledByReason.queueFull", ThrottledByQueueFull),
        ("throttledByReason.instanceCapacity", ThrottledByInstanceCapacity),
        ("throttledByReason.reservedConcurrency", ThrottledByReservedConcurrency),
        ("throttledByReason.scalingRate", ThrottledByScalingRate),
        ("throttledByReason.requestRate", ThrottledByRequestRate),
        ("throttleResponses", ThrottleResponses),
        ("retries", Retries),
        ("timedOut", TimedOut),
        ("failed", Failed),
        ("errors", Errors),
        ("dropped", Dropped),
        ("instanceFailures", InstanceFailures),
        ("coldStarts", ColdStarts),
        ("coldStartRatio", ColdStartRatio),
        ("instanceStarts", InstanceStarts),
        ("latencyMs.mean", LatencyMs.Mean),
        ("latencyMs.p50", LatencyMs.P50),
        ("latencyMs.p95", LatencyMs.P95),
        ("latencyMs.p99", LatencyMs.P99),
        ("latencyMs.max", LatencyMs.Max),
        ("instances.mean", InstancesMean),
        ("instances.max", InstancesMax),
        ("inFlight.mean", InFlightMean),
        ("inFlight.max", InFlightMax),
        ("retryQueue.mean", WaitingMean),
        ("retryQueue.max", WaitingMax),
        ("retryQueue.maxAgeSeconds", RetryAgeMaxSeconds),
        ("instanceSeconds.busy", Usage.BusyInstanceSeconds),
        ("instanceSeconds.idle", Usage.IdleInstanceSeconds),
        ("instanceSeconds.initializing", Usage.InitializingInstanceSeconds),
        ("cpuSeconds", Usage.CpuSeconds),
        ("costUsd.total", (double)Cost.TotalUsd),
        ("costUsd.perMillionRequests", (double)Cost.PerMillionRequestsUsd),
        ("costUsd.perCpuSecond", (double)Cost.PerCpuSecondUsd),
        ("costUsd.requests", (double)Cost.RequestsUsd),
        ("costUsd.compute", (double)Cost.ComputeUsd),
        ("costUsd.computeBusy", (double)Cost.ComputeBusyUsd),
        ("costUsd.computeIdle", (double)Cost.ComputeIdleUsd),
        ("costUsd.init", (double)Cost.InitUsd),
        ("costUsd.provisioned", (double)Cost.ProvisionedUsd),
        ("costUsd.queue", (double)Cost.QueueUsd),
        .. Batching?.ToMetrics() ?? [],
    ];
}
