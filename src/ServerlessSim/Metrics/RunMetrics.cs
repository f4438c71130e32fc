using ServerlessSim.Cost;
using ServerlessSim.Reporting;

namespace ServerlessSim.Metrics;

/// <summary>Everything one run measures, streamed: counters, time-weighted areas, a latency histogram and a time series.</summary>
/// <remarks>
/// Requests are counted when they arrive in the window [warm-up, horizon); their outcome is counted whenever it
/// happens, drain included. Areas cover the window only; the time series covers [0, horizon). Memory is fixed
/// plus one point per time-series step.
/// </remarks>
internal sealed class RunMetrics
{
    private readonly double _windowStart;
    private readonly double _windowEnd;
    private readonly LatencyHistogram _latency;
    private readonly TimeSeriesRecorder? _series;
    private readonly BillingMeter _billing;
    private readonly BillingMeter _provisionedBilling;
    private readonly List<ProvisionedPeriod> _provisionedPeriods = [];
    private int _provisionedEnvironments;
    private double _provisionedSince;
    private bool _everProvisioned;
    private double _last;
    private TimeWeightedArea _live, _busy, _initializing, _idle, _inFlight, _waiting;
    private long _requests, _completed, _throttledAccount, _throttledMaxInstances, _coldStarts, _instanceStarts;
    private long _throttledQueueFull, _throttledInstanceCapacity, _throttledReserved, _throttledScalingRate, _throttledRequestRate, _timedOut, _failed, _instanceFailures;
    private long _throttleResponses, _retries, _errors, _dropped, _invocations;

    // Every request, counted or not: arrived, and ended (completed, throttled, timed out, failed, in error, dropped).
    private long _arrivedAll, _endedAll;
    private double _retryAgeMax;

    /// <param name="warmUpSeconds">The start of the window.</param>
    /// <param name="horizonSeconds">The end of the window.</param>
    /// <param name="timeSeriesStepSeconds">The time series' step; null for no time series.</param>
    /// <param name="latencyDigits">The latency histogram's significant digits (3: 0.1% error, 213 KB; 2: 1%, 30 KB).</param>
    public RunMetrics(double warmUpSeconds, double horizonSeconds, double? timeSeriesStepSeconds, int latencyDigits = 3)
    {
        _windowStart = warmUpSeconds;
        _windowEnd = horizonSeconds;
        _latency = new LatencyHistogram(latencyDigits);
        _series = timeSeriesStepSeconds is { } step ? new TimeSeriesRecorder(step, horizonSeconds) : null;
        _billing = new BillingMeter(warmUpSeconds, horizonSeconds);
        _provisionedBilling = new BillingMeter(warmUpSeconds, horizonSeconds);
    }

    /// <summary>Metrics for one function of an account with many: no time series (the account has one), 1% latency percentiles.</summary>
    /// <remarks>An Azure trace has up to 50,000 functions: at 213 KB a histogram that would be 10.6 GB per run; at 30 KB, 1.5 GB.</remarks>
    public static RunMetrics ForFunctionOfMany(double warmUpSeconds, double horizonSeconds) =>
        new(warmUpSeconds, horizonSeconds, timeSeriesStepSeconds: null, latencyDigits: 2);

    /// <summary>Per-instance stretches for billing; the platform tells it when instances go busy, idle and away.</summary>
    public BillingMeter Billing => _billing;

    /// <summary>The same for provisioned environments, billed apart (<see cref="ProvisionedUsage"/>).</summary>
    public BillingMeter ProvisionedBilling => _provisionedBilling;

    /// <summary>Requests that arrived (in the window or not) and have not ended yet: what the model must hold as in flight.</summary>
    public long Unfinished => _arrivedAll - _endedAll;

    public bool InWindow(double seconds) => seconds >= _windowStart && seconds < _windowEnd;

    /// <summary>Integrates the state held since the last event up to <paramref name="nowSeconds"/>.</summary>
    /// <param name="nowSeconds">The current time.</param>
    /// <param name="live">Live instances.</param>
    /// <param name="busy">Busy instances.</param>
    /// <param name="initializing">Initialising instances.</param>
    /// <param name="inFlight">Requests in the system (on the platform, or waiting to be retried).</param>
    /// <param name="waiting">Of those, requests waiting to be retried by their callers.</param>
    public void Advance(double nowSeconds, int live, int busy, int initializing, int inFlight, int waiting = 0)
    {
        if (nowSeconds <= _last)
        {
            return;
        }

        var from = Math.Max(_last, _windowStart);
        var to = Math.Min(nowSeconds, _windowEnd);
        if (to > from)
        {
            _live.Add(from, to, live);
            _busy.Add(from, to, busy);
            _initializing.Add(from, to, initializing);
            _idle.Add(from, to, live - busy - initializing);
            _inFlight.Add(from, to, inFlight);
            _waiting.Add(from, to, waiting);
        }

        _series?.Advance(nowSeconds, live, busy, inFlight, waiting);
        _last = nowSeconds;
    }

    public void OnArrival(bool counted, double nowSeconds)
    {
        _requests += counted ? 1 : 0;
        _arrivedAll++;
        if (_series is not null && nowSeconds < _windowEnd)
        {
            _series.Arrivals++;
        }
    }

    /// <summary>An attempt of a request was throttled (an HTTP 429 to its caller), whether or not it will be retried.</summary>
    public void OnThrottleResponse(bool counted, double nowSeconds)
    {
        _throttleResponses += counted ? 1 : 0;
        if (_series is not null && nowSeconds < _windowEnd)
        {
            _series.Throttles++;
        }
    }

    /// <summary>A request ended throttled: its last attempt was rejected for <paramref name="reason"/> and its caller gave up.</summary>
    public void OnThrottled(bool counted, ThrottleReason reason)
    {
        _endedAll++;
        if (!counted)
        {
            return;
        }

        switch (reason)
        {
            case ThrottleReason.AccountConcurrency:
                _throttledAccount++;
                break;
            case ThrottleReason.MaxInstances:
                _throttledMaxInstances++;
                break;
            case ThrottleReason.QueueFull:
                _throttledQueueFull++;
                break;
            case ThrottleReason.ReservedConcurrency:
                _throttledReserved++;
                break;
            case ThrottleReason.ScalingRate:
                _throttledScalingRate++;
                break;
            case ThrottleReason.RequestRate:
                _throttledRequestRate++;
                break;
            default:
                _throttledInstanceCapacity++;
                break;
        }
    }

    /// <summary>A request is attempted again, <paramref name="ageSeconds"/> after it first arrived.</summary>
    public void OnRetry(bool counted, double nowSeconds, double ageSeconds)
    {
        if (counted)
        {
            _retries++;
            _retryAgeMax = Math.Max(_retryAgeMax, ageSeconds);
        }

        if (_series is not null && nowSeconds < _windowEnd)
        {
            _series.Retries++;
        }
    }

    /// <summary>A request ended in a function error (its caller does not retry it, or retried it as often as it may).</summary>
    public void OnFunctionError(bool counted)
    {
        _errors += counted ? 1 : 0;
        _endedAll++;
    }

    /// <summary>An asynchronous event was dropped: it reached its maximum age before an attempt succeeded.</summary>
    public void OnDropped(bool counted)
    {
        _dropped += counted ? 1 : 0;
        _endedAll++;
    }

    /// <summary>A request waited in a front queue longer than its timeout.</summary>
    public void OnTimeout(bool counted)
    {
        _timedOut += counted ? 1 : 0;
        _endedAll++;
    }

    /// <summary>A request failed because its instance failed.</summary>
    public void OnRequestFailed(bool counted)
    {
        _failed += counted ? 1 : 0;
        _endedAll++;
    }

    /// <summary>An instance failed (out of memory), in the window or not.</summary>
    public void OnInstanceFailure(double nowSeconds)
    {
        _instanceFailures += InWindow(nowSeconds) ? 1 : 0;
    }

    public void OnColdStart(bool counted, double nowSeconds)
    {
        _coldStarts += counted ? 1 : 0;
        if (_series is not null && nowSeconds < _windowEnd)
        {
            _series.ColdStarts++;
        }
    }

    /// <summary>An instance starts initialising (<paramref name="provisioned"/>: a provisioned environment, whose init is not billed as such).</summary>
    public void OnInstanceStart(int instance, double nowSeconds, double initSeconds, bool provisioned = false)
    {
        var counted = InWindow(nowSeconds);
        _instanceStarts += counted ? 1 : 0;
        (provisioned ? _provisionedBilling : _billing).OnInstanceStart(instance, nowSeconds, initSeconds, counted);
    }

    /// <summary>From now on <paramref name="environments"/> are provisioned.</summary>
    public void OnProvisionedConfigured(int environments, double nowSeconds)
    {
        CloseProvisionedPeriod(nowSeconds);
        _provisionedEnvironments = environments;
        _provisionedSince = nowSeconds;
        _everProvisioned = true;
    }

    /// <summary>An invocation finished executing (succeeded or not): what billing meters.</summary>
    public void OnExecution(bool counted, double executionSeconds, double cpuSeconds, bool provisioned = false)
    {
        if (counted)
        {
            _invocations++;
            (provisioned ? _provisionedBilling : _billing).OnCompletion(executionSeconds, cpuSeconds);
        }
    }

    /// <summary>A request completed, <paramref name="latencySeconds"/> after it arrived.</summary>
    public void OnCompletion(bool counted, double nowSeconds, double latencySeconds)
    {
        _endedAll++;
        if (counted)
        {
            _completed++;
            _latency.Record(latencySeconds);
        }

        if (_series is not null && nowSeconds < _windowEnd)
        {
            _series.Completions++;
        }
    }

    // The provisioned stretches, clipped to the window, and what provisioned environments executed (and the CPU those
    // executions demanded); null if none ever were.
    private ProvisionedUsage? ProvisionedUsage(RunIdentity identity, out double cpuSeconds)
    {
        cpuSeconds = 0;
        if (!_everProvisioned)
        {
            return null;
        }

        CloseProvisionedPeriod(_windowEnd);
        var served = _provisionedBilling.ToUsage(0, 0, 0, 0, identity.MemoryMb, identity.VCpus);
        cpuSeconds = served.CpuSeconds;
        return new ProvisionedUsage(_provisionedPeriods.ToArray(), served.Executions, served.ActivePeriods);
    }

    private void CloseProvisionedPeriod(double nowSeconds)
    {
        var from = Math.Max(_provisionedSince, _windowStart);
        var to = Math.Min(nowSeconds, _windowEnd);
        if (_provisionedEnvironments > 0 && to > from)
        {
            _provisionedPeriods.Add(new ProvisionedPeriod(_provisionedEnvironments, to - from));
        }

        _provisionedSince = Math.Max(_provisionedSince, nowSeconds);
    }

    public RunResult ToResult(RunIdentity identity, int live, int busy, int initializing, long eventsHandled)
    {
        Advance(_windowEnd, live, busy, initializing, 0);
        _series?.Finish(live, busy, 0, 0);
        var window = _windowEnd - _windowStart;
        var usage = _billing.ToUsage(_completed, _busy.Area, _idle.Area, _initializing.Area, identity.MemoryMb, identity.VCpus);
        var provisioned = ProvisionedUsage(identity, out var provisionedCpuSeconds);
        usage = usage with
        {
            Invocations = _invocations,
            Provisioned = provisioned,
            CpuSeconds = usage.CpuSeconds + provisionedCpuSeconds,
        };
        var latency = new LatencySummary(
            _latency.MeanSeconds * 1000,
            _latency.PercentileSeconds(50) * 1000,
            _latency.PercentileSeconds(95) * 1000,
            _latency.PercentileSeconds(99) * 1000,
            _latency.MaxSeconds * 1000);
        return new RunResult(
            identity.Policy,
            identity.Replication,
            _requests,
            _completed,
            _throttledAccount,
            _throttledMaxInstances,
            _coldStarts,
            _instanceStarts,
            latency,
            _live.Area / window,
            _live.Max,
            _inFlight.Area / window,
            _inFlight.Max,
            usage,
            identity.Billing.Bill(usage),
            _series?.Points ?? [],
            eventsHandled)
        {
            ThrottledByQueueFull = _throttledQueueFull,
            ThrottledByInstanceCapacity = _throttledInstanceCapacity,
            ThrottledByReservedConcurrency = _throttledReserved,
            ThrottledByScalingRate = _throttledScalingRate,
            ThrottledByRequestRate = _throttledRequestRate,
            ThrottleResponses = _throttleResponses,
            Retries = _retries,
            Errors = _errors,
            Dropped = _dropped,
            WaitingMean = _waiting.Area / window,
            WaitingMax = _waiting.Max,
            RetryAgeMaxSeconds = _retryAgeMax,
            TimedOut = _timedOut,
            Failed = _failed,
            InstanceFailures = _instanceFailures,
            LatencyPercentiles = _latency.Count == 0
                ? []
                : LatencyDistribution.Percentiles.Select(p => new LatencyPercentile(p, _latency.PercentileSeconds(p) * 1000)).ToArray(),
        };
    }
}
