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
    private double _last;
    private TimeWeightedArea _live, _busy, _initializing, _idle, _inFlight;
    private long _requests, _completed, _throttledAccount, _throttledMaxInstances, _coldStarts, _instanceStarts;
    private long _throttledQueueFull, _throttledInstanceCapacity, _timedOut, _failed, _instanceFailures;

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
    }

    /// <summary>Metrics for one function of an account with many: no time series (the account has one), 1% latency percentiles.</summary>
    /// <remarks>An Azure trace has up to 50,000 functions: at 213 KB a histogram that would be 10.6 GB per run; at 30 KB, 1.5 GB.</remarks>
    public static RunMetrics ForFunctionOfMany(double warmUpSeconds, double horizonSeconds) =>
        new(warmUpSeconds, horizonSeconds, timeSeriesStepSeconds: null, latencyDigits: 2);

    /// <summary>Per-instance stretches for billing; the platform tells it when instances go busy, idle and away.</summary>
    public BillingMeter Billing => _billing;

    public bool InWindow(double seconds) => seconds >= _windowStart && seconds < _windowEnd;

    /// <summary>Integrates the state held since the last event up to <paramref name="nowSeconds"/>.</summary>
    public void Advance(double nowSeconds, int live, int busy, int initializing, int inFlight)
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
        }

        _series?.Advance(nowSeconds, live, busy, inFlight);
        _last = nowSeconds;
    }

    public void OnArrival(bool counted, double nowSeconds)
    {
        _requests += counted ? 1 : 0;
        if (_series is not null && nowSeconds < _windowEnd)
        {
            _series.Arrivals++;
        }
    }

    public void OnThrottle(bool counted, ThrottleReason reason, double nowSeconds)
    {
        if (counted)
        {
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
                default:
                    _throttledInstanceCapacity++;
                    break;
            }
        }

        if (_series is not null && nowSeconds < _windowEnd)
        {
            _series.Throttles++;
        }
    }

    /// <summary>A request waited in a front queue longer than its timeout.</summary>
    public void OnTimeout(bool counted)
    {
        _timedOut += counted ? 1 : 0;
    }

    /// <summary>A request failed because its instance failed.</summary>
    public void OnRequestFailed(bool counted)
    {
        _failed += counted ? 1 : 0;
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

    public void OnInstanceStart(int instance, double nowSeconds, double initSeconds)
    {
        var counted = InWindow(nowSeconds);
        _instanceStarts += counted ? 1 : 0;
        _billing.OnInstanceStart(instance, nowSeconds, initSeconds, counted);
    }

    /// <summary>An invocation finished executing (succeeded or not): what billing meters.</summary>
    public void OnExecution(bool counted, double executionSeconds, double cpuSeconds)
    {
        if (counted)
        {
            _billing.OnCompletion(executionSeconds, cpuSeconds);
        }
    }

    /// <summary>A request completed, <paramref name="latencySeconds"/> after it arrived.</summary>
    public void OnCompletion(bool counted, double nowSeconds, double latencySeconds)
    {
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

    public RunResult ToResult(RunIdentity identity, int live, int busy, int initializing, long eventsHandled)
    {
        Advance(_windowEnd, live, busy, initializing, 0);
        _series?.Finish(live, busy, 0);
        var window = _windowEnd - _windowStart;
        var usage = _billing.ToUsage(_completed, _busy.Area, _idle.Area, _initializing.Area, identity.MemoryMb, identity.VCpus);
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
            TimedOut = _timedOut,
            Failed = _failed,
            InstanceFailures = _instanceFailures,
            LatencyPercentiles = _latency.Count == 0
                ? []
                : LatencyDistribution.Percentiles.Select(p => new LatencyPercentile(p, _latency.PercentileSeconds(p) * 1000)).ToArray(),
        };
    }
}
