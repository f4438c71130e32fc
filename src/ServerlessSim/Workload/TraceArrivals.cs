using System.Globalization;
using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>Replays recorded arrival times: a sorted array of seconds from the start of the run, 8 bytes per arrival.</summary>
/// <remarks>Deterministic: every replication sees the same arrivals. The expected arrivals in [a, b) are the recorded ones in it. Immutable and thread-safe.</remarks>
public sealed record TraceArrivals : ArrivalProcess
{
    private readonly double[] _timestamps;

    /// <summary>Replays <paramref name="sortedTimestampsSeconds"/> (copied); <see cref="ArrivalProcess.FromTimestamps"/> sorts them for you.</summary>
    /// <exception cref="ArgumentException">A negative or non-finite time, or times out of order.</exception>
    public TraceArrivals(IReadOnlyList<double> sortedTimestampsSeconds)
        : this(Copy(sortedTimestampsSeconds))
    {
    }

    private TraceArrivals(double[] sortedTimestampsSeconds)
    {
        for (var i = 0; i < sortedTimestampsSeconds.Length; i++)
        {
            var t = sortedTimestampsSeconds[i];
            if (!(t >= 0) || double.IsInfinity(t))
            {
                throw new ArgumentException($"Arrival {i} is at {t} s; times must be finite and non-negative.", nameof(sortedTimestampsSeconds));
            }

            if (i > 0 && t < sortedTimestampsSeconds[i - 1])
            {
                throw new ArgumentException($"Arrival {i} at {t} s comes before arrival {i - 1} at {sortedTimestampsSeconds[i - 1]} s; times must be sorted.", nameof(sortedTimestampsSeconds));
            }
        }

        _timestamps = sortedTimestampsSeconds;
    }

    /// <summary>Replays <paramref name="sortedTimestampsSeconds"/>, taking ownership of the array (no copy): for readers that built it.</summary>
    internal static TraceArrivals Own(double[] sortedTimestampsSeconds) => new(sortedTimestampsSeconds);

    /// <summary>The arrival times, sorted, in seconds from the start of the run.</summary>
    public ReadOnlyMemory<double> TimestampsSeconds => _timestamps;

    /// <summary>How many arrivals the trace holds.</summary>
    public int Count => _timestamps.Length;

    /// <inheritdoc />
    public override string ProcessName => "trace";

    /// <inheritdoc />
    public override double ExpectedArrivals(double fromSeconds, double toSeconds) =>
        toSeconds > fromSeconds ? Math.Max(0, LowerBound(toSeconds) - LowerBound(fromSeconds)) : 0;

    /// <inheritdoc />
    public override string Describe() => _timestamps.Length == 0
        ? "trace, no arrivals"
        : string.Create(CultureInfo.InvariantCulture, $"trace, {_timestamps.Length} arrivals from {_timestamps[0]:0.###} s to {_timestamps[^1]:0.###} s");

    /// <inheritdoc />
    public override IArrivalStream CreateStream(RandomStream random) => new TraceStream(_timestamps);

    private static double[] Copy(IReadOnlyList<double> timestamps)
    {
        ArgumentNullException.ThrowIfNull(timestamps);
        return timestamps.ToArray();
    }

    // The index of the first arrival at or after t.
    private int LowerBound(double t)
    {
        int low = 0, high = _timestamps.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_timestamps[middle] < t)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private sealed class TraceStream(double[] timestamps) : IArrivalStream
    {
        private int _next;

        public double Next() => _next < timestamps.Length ? timestamps[_next++] : double.PositiveInfinity;
    }
}
