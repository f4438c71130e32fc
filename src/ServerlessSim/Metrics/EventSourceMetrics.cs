using ServerlessSim.Reporting;

namespace ServerlessSim.Metrics;

/// <summary>What a batching policy's event source measures, streamed: message outcomes, invocations and batch sizes, the queue's depth and oldest message over time.</summary>
/// <remarks>
/// Everything counts for the messages sent in the window [warm-up, horizon), whenever it happens (the caller says
/// which: a message's <c>counted</c> flag; a batch is counted when any of its messages is), as requests are counted
/// on arrival and their outcomes whenever they come; the time series counts by when things happen. Depth and the oldest message's age are piecewise constant and piecewise linear between events, so their
/// time averages and maxima are exact. As with <see cref="RunMetrics"/>, the model calls <see cref="Advance"/> with the
/// state held up to each event before reporting what the event did, so counts land in the right time-series step. Memory: one count per possible batch size plus one point per time-series step.
/// </remarks>
internal sealed class EventSourceMetrics
{
    private readonly string _source;
    private readonly double _windowStart;
    private readonly double _windowEnd;
    private readonly long[] _batchSizes;
    private readonly double? _step;
    private readonly List<EventSourcePoint> _points = [];
    private double _last;
    private double _depthArea, _ageArea, _depthMax, _ageMax, _iteratorAgeMax;
    private long _sent, _processed, _deadLettered, _expired, _invocations, _throttled, _failed, _returned, _duplicates;

    // The open time-series step.
    private double _stepStart, _stepDepthArea, _stepAgeMax;
    private long _stepInvocations, _stepDeadLettered;

    /// <param name="source"><c>sqs</c> or <c>kinesis</c>.</param>
    /// <param name="warmUpSeconds">The start of the window.</param>
    /// <param name="horizonSeconds">The end of the window.</param>
    /// <param name="maxBatchSize">The largest batch possible.</param>
    /// <param name="timeSeriesStepSeconds">The time series' step; null for none.</param>
    public EventSourceMetrics(string source, double warmUpSeconds, double horizonSeconds, int maxBatchSize, double? timeSeriesStepSeconds)
    {
        _source = source;
        _windowStart = warmUpSeconds;
        _windowEnd = horizonSeconds;
        _batchSizes = new long[maxBatchSize + 1];
        _step = timeSeriesStepSeconds;
    }

    public bool InWindow(double seconds) => seconds >= _windowStart && seconds < _windowEnd;

    /// <summary>Integrates the state held since the last event up to <paramref name="now"/>: <paramref name="depth"/> messages, the oldest sent at <paramref name="oldestSentSeconds"/> (+infinity when none).</summary>
    public void Advance(double now, int depth, double oldestSentSeconds)
    {
        if (now <= _last)
        {
            return;
        }

        var from = Math.Max(_last, _windowStart);
        var to = Math.Min(now, _windowEnd);
        if (to > from)
        {
            _depthArea += depth * (to - from);
            _depthMax = Math.Max(_depthMax, depth);
            if (depth > 0)
            {
                _ageArea += (to - from) * (((from + to) / 2) - oldestSentSeconds);
                _ageMax = Math.Max(_ageMax, to - oldestSentSeconds);
            }
        }

        AdvanceSeries(Math.Min(now, _windowEnd), depth, oldestSentSeconds);
        _last = now;
    }

    public void OnSent(bool counted) => _sent += counted ? 1 : 0;

    public void OnProcessed(bool counted) => _processed += counted ? 1 : 0;

    public void OnDeadLettered(bool counted, double now)
    {
        _deadLettered += counted ? 1 : 0;
        _stepDeadLettered += _step is not null && now < _windowEnd ? 1 : 0;
    }

    public void OnExpired(bool counted) => _expired += counted ? 1 : 0;

    /// <summary>A batch of <paramref name="size"/> messages was invoked; <paramref name="iteratorAgeSeconds"/> is its last record's age (Kinesis; 0 for SQS).</summary>
    public void OnInvocation(bool counted, double now, int size, double iteratorAgeSeconds = 0)
    {
        _stepInvocations += _step is not null && now < _windowEnd ? 1 : 0;
        if (counted)
        {
            _invocations++;
            _batchSizes[size]++;
            _iteratorAgeMax = Math.Max(_iteratorAgeMax, iteratorAgeSeconds);
        }
    }

    public void OnThrottledAttempt(bool counted) => _throttled += counted ? 1 : 0;

    public void OnFailedInvocation(bool counted) => _failed += counted ? 1 : 0;

    public void OnReturned(bool counted) => _returned += counted ? 1 : 0;

    /// <summary>A message was processed but its delete found a stale receipt.</summary>
    public void OnDuplicate(bool counted) => _duplicates += counted ? 1 : 0;

    /// <summary>The result, the state held since the last event (<paramref name="depth"/>, <paramref name="oldestSentSeconds"/>) integrated up to the horizon first.</summary>
    public EventSourceResult ToResult(QueueRequestCounts requests, int depth, double oldestSentSeconds)
    {
        Advance(_windowEnd, depth, oldestSentSeconds);
        var window = _windowEnd - _windowStart;
        if (_step is not null && _stepStart < _windowEnd)
        {
            ClosePoint(_windowEnd - _stepStart);
        }

        return new EventSourceResult(
            _source, _sent, _processed, _deadLettered, _expired, _invocations, SummarizeBatchSizes(), _throttled, _failed, _returned, _duplicates,
            _depthArea / window, _depthMax, _ageArea / window, _ageMax, _iteratorAgeMax * 1000, requests, _points);
    }

    private BatchSizeSummary SummarizeBatchSizes()
    {
        if (_invocations == 0)
        {
            return new BatchSizeSummary(0, 0, 0, 0);
        }

        double sum = 0, max = 0, p50 = double.NaN, p99 = double.NaN;
        long seen = 0;
        for (var size = 1; size < _batchSizes.Length; size++)
        {
            var count = _batchSizes[size];
            if (count == 0)
            {
                continue;
            }

            sum += (double)size * count;
            seen += count;
            max = size;
            p50 = double.IsNaN(p50) && seen >= 0.5 * _invocations ? size : p50;
            p99 = double.IsNaN(p99) && seen >= 0.99 * _invocations ? size : p99;
        }

        return new BatchSizeSummary(sum / _invocations, p50, p99, max);
    }

    // The time series covers [0, horizon), warm-up included, like the run's own.
    private void AdvanceSeries(double to, int depth, double oldestSentSeconds)
    {
        if (_step is not { } step)
        {
            return;
        }

        var from = _last;
        while (from < to)
        {
            var boundary = _stepStart + step;
            var until = Math.Min(to, boundary);
            _stepDepthArea += depth * (until - from);
            if (depth > 0)
            {
                _stepAgeMax = Math.Max(_stepAgeMax, until - oldestSentSeconds);
            }

            from = until;
            if (until == boundary)
            {
                ClosePoint(step);
            }
        }
    }

    private void ClosePoint(double length)
    {
        _points.Add(new EventSourcePoint(_stepStart, _stepDepthArea / length, _stepAgeMax, _stepInvocations, _stepDeadLettered));
        _stepStart += length;
        _stepDepthArea = _stepAgeMax = 0;
        _stepInvocations = _stepDeadLettered = 0;
    }
}
