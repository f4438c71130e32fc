using ServerlessSim.Policies.KeepAlive;

namespace ServerlessSim.Platform.Pool;

/// <summary>The idle-time histogram of one function and the windows the hybrid histogram policy draws from it (<see cref="HybridHistogramKeepAlive"/>).</summary>
internal sealed class HybridHistogram
{
    private readonly HybridHistogramKeepAlive _options;
    private readonly double _binSeconds;
    private readonly long[] _bins;
    private long _inBounds;
    private long _outOfBounds;
    private bool _dirty = true;
    private (double PrewarmSeconds, double KeepAliveSeconds) _windows;

    public HybridHistogram(HybridHistogramKeepAlive options)
    {
        _options = options;
        _binSeconds = options.BinWidth.Seconds;
        _bins = new long[(int)Math.Ceiling(options.Range.Seconds / _binSeconds)];
    }

    /// <summary>Records one idle time of the function, in seconds.</summary>
    public void Record(double idleSeconds)
    {
        var bin = (long)(idleSeconds / _binSeconds);
        if (bin >= _bins.Length)
        {
            _outOfBounds++;
        }
        else
        {
            _bins[bin]++;
            _inBounds++;
        }

        _dirty = true;
    }

    /// <summary>
    /// The pre-warm window (0: keep environments rather than unload them) and the keep-alive window that follows it, in
    /// seconds; while the histogram is not representative, (0, fallback).
    /// </summary>
    public (double PrewarmSeconds, double KeepAliveSeconds) Windows()
    {
        if (_dirty)
        {
            _windows = Compute();
            _dirty = false;
        }

        return _windows;
    }

    private (double, double) Compute()
    {
        var total = _inBounds + _outOfBounds;
        if (total < _options.MinObservations || _outOfBounds > _options.MaxOutOfBoundsFraction * total || !Representative())
        {
            return (0, _options.EffectiveFallbackKeepAlive.Seconds);
        }

        // Head: the lower edge of the bin holding the head percentile; tail: the upper edge of the tail's. E.g. idle
        // times of 29-31 minutes in 1-minute bins: head 29 min, tail 32 min; with 10% margins, pre-warm after
        // 26.1 min and keep alive 35.2 - 26.1 = 9.1 min.
        var head = BinOfPercentile(_options.HeadPercentile) * _binSeconds;
        var tail = (BinOfPercentile(_options.TailPercentile) + 1) * _binSeconds;
        var prewarm = head * (1 - _options.Margin);
        return (prewarm, (tail * (1 + _options.Margin)) - prewarm);
    }

    // The bin counts must vary enough (a high coefficient of variation) for the histogram to show a pattern.
    private bool Representative()
    {
        var mean = _inBounds / (double)_bins.Length;
        if (mean == 0)
        {
            return false;
        }

        var squares = 0.0;
        foreach (var count in _bins)
        {
            squares += (count - mean) * (count - mean);
        }

        return Math.Sqrt(squares / _bins.Length) / mean >= _options.MinCoefficientOfVariation;
    }

    private int BinOfPercentile(double percentile)
    {
        var threshold = percentile / 100.0 * _inBounds;
        long cumulative = 0;
        for (var bin = 0; bin < _bins.Length; bin++)
        {
            cumulative += _bins[bin];
            if (cumulative >= threshold && cumulative > 0)
            {
                return bin;
            }
        }

        return _bins.Length - 1;
    }
}
