using HdrHistogram;

namespace ServerlessSim.Metrics;

/// <summary>A streaming latency histogram with bounded relative error (HdrHistogram, 3 significant digits by default).</summary>
/// <remarks>
/// Values are kept in microseconds from 1 µs to 10 hours with at most 0.1% relative error (1% with 2 digits); memory
/// is fixed (26,624 counts, 213 KB; 3,712 counts, 30 KB with 2 digits) whatever the number of requests. The mean is kept exactly, outside
/// the histogram. Not thread-safe.
/// </remarks>
public sealed class LatencyHistogram
{
    private const long HighestMicroseconds = 36_000_000_000L;
    private readonly LongHistogram _histogram;
    private double _sumSeconds;
    private double _maxSeconds;

    /// <summary>An empty histogram with 0.1% relative error.</summary>
    public LatencyHistogram()
        : this(3)
    {
    }

    /// <summary>An empty histogram keeping <paramref name="significantDigits"/> digits (2: 1% relative error; 3: 0.1%).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Digits outside 1..5.</exception>
    public LatencyHistogram(int significantDigits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(significantDigits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(significantDigits, 5);
        _histogram = new LongHistogram(HighestMicroseconds, significantDigits);
    }

    /// <summary>How many latencies were recorded.</summary>
    public long Count { get; private set; }

    /// <summary>Records one latency, in seconds (values above 10 hours are recorded as 10 hours in the percentiles).</summary>
    public void Record(double seconds)
    {
        Count++;
        _sumSeconds += seconds;
        if (seconds > _maxSeconds)
        {
            _maxSeconds = seconds;
        }

        var micros = (long)Math.Round(seconds * 1e6);
        _histogram.RecordValue(Math.Clamp(micros, 0, HighestMicroseconds));
    }

    /// <summary>The exact mean, in seconds (0 when empty).</summary>
    public double MeanSeconds => Count == 0 ? 0 : _sumSeconds / Count;

    /// <summary>The exact maximum, in seconds (0 when empty).</summary>
    public double MaxSeconds => _maxSeconds;

    /// <summary>The value at <paramref name="percentile"/> (0..100), in seconds, within 0.1% (0 when empty).</summary>
    public double PercentileSeconds(double percentile) =>
        Count == 0 ? 0 : _histogram.GetValueAtPercentile(percentile) / 1e6;
}
