namespace ServerlessSim.Policies.Scaling;

/// <summary>
/// What autoscalers watch, as time integrals in one-second buckets: requests in the system (executing or waiting)
/// and vCPUs in use. Averages over any window up to the one it was made for are then exact time averages.
/// </summary>
/// <remarks>
/// The platform tells it, at each event, the values held since the previous one (<see cref="Advance"/>); a ring of
/// buckets keeps the last <c>maxWindow</c> seconds, so memory is fixed and an event costs O(1) (a long quiet stretch
/// costs at most one pass over the ring). E.g. 10 requests for 0.5 s then 20 for 0.5 s: the bucket holds 15
/// request-seconds, a one-second average of 15. Not thread-safe: one per run.
/// </remarks>
public sealed class ScalingMetricsWindow
{
    private const double BucketSeconds = 1;
    private readonly double[] _concurrency;
    private readonly double[] _busyVCpus;
    private double _last;
    private long _bucket;

    /// <summary>A window able to average over up to <paramref name="maxWindowSeconds"/> seconds, starting at time 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a positive finite number of seconds.</exception>
    public ScalingMetricsWindow(double maxWindowSeconds)
    {
        if (!(maxWindowSeconds > 0 && double.IsFinite(maxWindowSeconds)))
        {
            throw new ArgumentOutOfRangeException(nameof(maxWindowSeconds), maxWindowSeconds, "The window must be a positive, finite number of seconds.");
        }

        var buckets = (int)Math.Ceiling(maxWindowSeconds / BucketSeconds) + 2;
        _concurrency = new double[buckets];
        _busyVCpus = new double[buckets];
        MaxWindowSeconds = maxWindowSeconds;
    }

    /// <summary>The longest window that can be averaged over, in seconds.</summary>
    public double MaxWindowSeconds { get; }

    /// <summary>Records that <paramref name="concurrency"/> requests and <paramref name="busyVCpus"/> vCPUs were in use from the last call until <paramref name="nowSeconds"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Time went backwards.</exception>
    public void Advance(double nowSeconds, double concurrency, double busyVCpus)
    {
        if (nowSeconds < _last)
        {
            throw new ArgumentOutOfRangeException(nameof(nowSeconds), nowSeconds, $"Time must not go backwards (last {_last} s).");
        }

        var ring = _concurrency.Length;
        if (nowSeconds - _last > ring * BucketSeconds)
        {
            // Longer than the ring: only the last ring's worth matters, and all of it held these values.
            _last = nowSeconds - ((ring - 1) * BucketSeconds);
            _bucket = (long)Math.Floor(_last / BucketSeconds);
            Array.Clear(_concurrency);
            Array.Clear(_busyVCpus);
        }

        while (_last < nowSeconds)
        {
            var bucketEnd = (_bucket + 1) * BucketSeconds;
            var end = Math.Min(nowSeconds, bucketEnd);
            var slot = (int)(_bucket % ring);
            _concurrency[slot] += (end - _last) * concurrency;
            _busyVCpus[slot] += (end - _last) * busyVCpus;
            _last = end;
            if (end == bucketEnd)
            {
                _bucket++;
                var next = (int)(_bucket % ring);
                _concurrency[next] = 0;
                _busyVCpus[next] = 0;
            }
        }
    }

    /// <summary>Requests in the system, time-averaged over the last <paramref name="windowSeconds"/> (or since time 0 if shorter).</summary>
    /// <remarks>Call <see cref="Advance"/> up to <paramref name="nowSeconds"/> first.</remarks>
    public double AverageConcurrency(double nowSeconds, double windowSeconds) => Average(_concurrency, nowSeconds, windowSeconds);

    /// <summary>vCPUs in use, time-averaged over the last <paramref name="windowSeconds"/> (or since time 0 if shorter).</summary>
    public double AverageBusyVCpus(double nowSeconds, double windowSeconds) => Average(_busyVCpus, nowSeconds, windowSeconds);

    private double Average(double[] areas, double nowSeconds, double windowSeconds)
    {
        if (!(windowSeconds > 0 && windowSeconds <= MaxWindowSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(windowSeconds), windowSeconds, $"The window must be in (0, {MaxWindowSeconds}] seconds.");
        }

        if (nowSeconds != _last)
        {
            throw new InvalidOperationException($"Advance to {nowSeconds} s before averaging (the window is at {_last} s).");
        }

        var from = Math.Max(0, nowSeconds - windowSeconds);
        if (!(nowSeconds > from))
        {
            return 0;
        }

        // Whole buckets from the one holding 'from' to the current one, less the share of the first before 'from'
        // (buckets are uniform inside as far as the average can tell; windows on whole seconds are exact).
        var first = (long)Math.Floor(from / BucketSeconds);
        var ring = areas.Length;
        var area = 0.0;
        for (var b = first; b <= _bucket; b++)
        {
            area += areas[(int)(b % ring)];
        }

        area -= areas[(int)(first % ring)] * ((from - (first * BucketSeconds)) / BucketSeconds);
        return area / (nowSeconds - from);
    }
}
