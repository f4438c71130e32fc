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
    // Durations are rounded up to whole milliseconds; the allowance keeps 0.5 s computed as 0.50000000001 s in
    // floating point from being billed 501 ms.
    private const double BillingRoundingAllowanceMs = 1e-6;
    private readonly double _windowStart;
    private readonly double _windowEnd;
    private readonly LatencyHistogram _latency = new();
    private readonly TimeSeriesRecorder _series;
    private double _last;
    private TimeWeightedArea _live, _busy, _initializing, _idle, _inFlight;
    private long _requests, _completed, _throttledAccount, _throttledMaxInstances, _coldStarts, _instanceStarts;
    private long _billedDurationMs, _billedInitMs;

    public RunMetrics(double warmUpSeconds, double horizonSeconds, double timeSeriesStepSeconds)
    {
        _windowStart = warmUpSeconds;
        _windowEnd = horizonSeconds;
        _series = new TimeSeriesRecorder(timeSeriesStepSeconds, horizonSeconds);
    }

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

        _series.Advance(nowSeconds, live, busy, inFlight);
        _last = nowSeconds;
    }

    public void OnArrival(bool counted, double nowSeconds)
    {
        _requests += counted ? 1 : 0;
        if (nowSeconds < _windowEnd)
        {
            _series.Arrivals++;
        }
    }

    public void OnThrottle(bool counted, ThrottleReason reason, double nowSeconds)
    {
        if (counted)
        {
            if (reason == ThrottleReason.AccountConcurrency)
            {
                _throttledAccount++;
            }
            else
            {
                _throttledMaxInstances++;
            }
        }

        if (nowSeconds < _windowEnd)
        {
            _series.Throttles++;
        }
    }

    public void OnColdStart(bool counted, double nowSeconds)
    {
        _coldStarts += counted ? 1 : 0;
        if (nowSeconds < _windowEnd)
        {
            _series.ColdStarts++;
        }
    }

    public void OnInstanceStart(double nowSeconds, double initSeconds)
    {
        if (InWindow(nowSeconds))
        {
            _instanceStarts++;
            _billedInitMs += BilledMilliseconds(initSeconds);
        }
    }

    public void OnCompletion(bool counted, double nowSeconds, double latencySeconds, double executionSeconds)
    {
        if (counted)
        {
            _completed++;
            _latency.Record(latencySeconds);
            _billedDurationMs += BilledMilliseconds(executionSeconds);
        }

        if (nowSeconds < _windowEnd)
        {
            _series.Completions++;
        }
    }

    public RunResult ToResult(RunIdentity identity, int live, int busy, int initializing, long eventsHandled)
    {
        Advance(_windowEnd, live, busy, initializing, 0);
        _series.Finish(live, busy, 0);
        var window = _windowEnd - _windowStart;
        var usage = new Usage(
            _completed, _billedDurationMs, _billedInitMs, _busy.Area, _idle.Area, _initializing.Area, identity.MemoryMb, identity.VCpus);
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
            CostModel.Bill(usage, identity.Billing, identity.Prices, identity.LambdaArm),
            _series.Points,
            eventsHandled)
        {
            LatencyPercentiles = _latency.Count == 0
                ? []
                : LatencyDistribution.Percentiles.Select(p => new LatencyPercentile(p, _latency.PercentileSeconds(p) * 1000)).ToArray(),
        };
    }

    private static long BilledMilliseconds(double seconds) =>
        (long)Math.Ceiling((seconds * 1000.0) - BillingRoundingAllowanceMs);
}
