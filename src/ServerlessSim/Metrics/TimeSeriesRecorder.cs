namespace ServerlessSim.Metrics;

/// <summary>Builds a fixed-step time series from piecewise-constant state, with no event of its own.</summary>
/// <remarks>
/// The model's state only changes at events, so the recorder is told the state just before each event
/// (<see cref="Advance"/>) and integrates it up to the event time, closing every step boundary it crosses. Memory
/// is one point per step: horizon / step, never per request.
/// </remarks>
internal sealed class TimeSeriesRecorder
{
    private readonly double _step;
    private readonly double _end;
    private readonly List<TimeSeriesPoint> _points = [];
    private double _stepStart;
    private double _last;
    private double _instanceArea;
    private double _busyArea;
    private double _inFlightArea;
    private double _waitingArea;

    public TimeSeriesRecorder(double stepSeconds, double endSeconds)
    {
        _step = stepSeconds;
        _end = endSeconds;
    }

    public long Arrivals;
    public long Completions;
    public long Throttles;
    public long ColdStarts;
    public long Retries;

    public IReadOnlyList<TimeSeriesPoint> Points => _points;

    /// <summary>Integrates the state held since the previous call up to <paramref name="nowSeconds"/>.</summary>
    public void Advance(double nowSeconds, int instances, int busy, int inFlight, int waiting)
    {
        var now = Math.Min(nowSeconds, _end);
        while (_stepStart < _end && now >= _stepStart + _step)
        {
            var boundary = _stepStart + _step;
            Accumulate(boundary - _last, instances, busy, inFlight, waiting);
            _last = boundary;
            Close(_step);
        }

        if (now > _last)
        {
            Accumulate(now - _last, instances, busy, inFlight, waiting);
            _last = now;
        }
    }

    /// <summary>Closes the last, possibly partial, step at the end of the run.</summary>
    public void Finish(int instances, int busy, int inFlight, int waiting)
    {
        Advance(_end, instances, busy, inFlight, waiting);
        if (_stepStart < _end && _end - _stepStart > 0)
        {
            Close(_end - _stepStart);
        }
    }

    private void Accumulate(double seconds, int instances, int busy, int inFlight, int waiting)
    {
        _instanceArea += seconds * instances;
        _busyArea += seconds * busy;
        _inFlightArea += seconds * inFlight;
        _waitingArea += seconds * waiting;
    }

    private void Close(double length)
    {
        _points.Add(new TimeSeriesPoint(
            _stepStart, _instanceArea / length, _busyArea / length, _inFlightArea / length, Arrivals, Completions, Throttles, ColdStarts)
        {
            Retries = Retries,
            Waiting = _waitingArea / length,
        });
        _stepStart += _step;
        _instanceArea = _busyArea = _inFlightArea = _waitingArea = 0;
        Arrivals = Completions = Throttles = ColdStarts = Retries = 0;
    }
}
