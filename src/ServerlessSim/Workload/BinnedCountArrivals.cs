using System.Globalization;
using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>Replays counts per fixed-width time bin (as the Azure Functions 2019 trace gives invocations per minute), 4 bytes per bin.</summary>
/// <remarks>
/// <para>
/// Bin b covers [b w, (b + 1) w) seconds from the start of the run. With <see cref="WithinBinSpread.Uniform"/> and
/// <see cref="WithinBinSpread.EvenlySpaced"/> every bin gets exactly its count, so binning the arrivals again gives
/// back the counts; with <see cref="WithinBinSpread.Poisson"/> each bin is a Poisson process at count / w.
/// </para>
/// <para>
/// The expected arrivals in [a, b) take each bin's count spread evenly over it (partial bins pro rata). E.g.
/// counts [120, 0, 60] per minute: 180 requests in 3 minutes, and 60 + 0 + 30 = 90 in [30 s, 150 s).
/// Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed record BinnedCountArrivals : ArrivalProcess
{
    private readonly int[] _counts;

    /// <summary>Replays <paramref name="counts"/> (copied), bins of <paramref name="binSeconds"/> seconds, spread as <paramref name="spread"/> says.</summary>
    /// <exception cref="ArgumentException">A negative count, or a bin width that is not finite and positive.</exception>
    public BinnedCountArrivals(IReadOnlyList<int> counts, double binSeconds, WithinBinSpread spread)
        : this(Copy(counts), binSeconds, spread)
    {
    }

    private BinnedCountArrivals(int[] counts, double binSeconds, WithinBinSpread spread)
    {
        if (!(binSeconds > 0) || double.IsInfinity(binSeconds))
        {
            throw new ArgumentException($"The bin width is {binSeconds} s; it must be finite and greater than 0.", nameof(binSeconds));
        }

        long total = 0;
        for (var b = 0; b < counts.Length; b++)
        {
            if (counts[b] < 0)
            {
                throw new ArgumentException($"Bin {b} has count {counts[b]}; counts must be at least 0.", nameof(counts));
            }

            total += counts[b];
        }

        _counts = counts;
        BinSeconds = binSeconds;
        Spread = spread;
        TotalCount = total;
    }

    /// <summary>The count of each bin, in order.</summary>
    public ReadOnlyMemory<int> Counts => _counts;

    /// <summary>The width of a bin, in seconds (60 for the Azure 2019 trace at its own speed).</summary>
    public double BinSeconds { get; }

    /// <summary>How each bin's arrivals are placed.</summary>
    public WithinBinSpread Spread { get; }

    /// <summary>The sum of the counts: the arrivals of a whole replay (in expectation with <see cref="WithinBinSpread.Poisson"/>).</summary>
    public long TotalCount { get; }

    /// <inheritdoc />
    public override string ProcessName => "binnedCounts";

    /// <summary>Replays <paramref name="counts"/>, taking ownership of the array (no copy): for readers that built it.</summary>
    internal static BinnedCountArrivals Own(int[] counts, double binSeconds, WithinBinSpread spread) => new(counts, binSeconds, spread);

    /// <inheritdoc />
    public override double ExpectedArrivals(double fromSeconds, double toSeconds)
    {
        var from = Math.Max(0, fromSeconds);
        var to = Math.Min(toSeconds, _counts.Length * BinSeconds);
        if (!(to > from))
        {
            return 0;
        }

        var first = (int)Math.Floor(from / BinSeconds);
        var last = Math.Min((int)Math.Floor(to / BinSeconds), _counts.Length - 1);
        var total = 0.0;
        for (var b = first; b <= last; b++)
        {
            var overlap = Math.Min(to, (b + 1) * BinSeconds) - Math.Max(from, b * BinSeconds);
            total += overlap > 0 ? _counts[b] * overlap / BinSeconds : 0;
        }

        return total;
    }

    /// <inheritdoc />
    public override string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"binned counts, {TotalCount} arrivals in {_counts.Length} bins of {BinSeconds:0.###} s, spread {Spread.ToString().ToLowerInvariant()}");

    /// <inheritdoc />
    public override IArrivalStream CreateStream(RandomStream random) => new BinnedCountStream(_counts, BinSeconds, Spread, random);

    private static int[] Copy(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.ToArray();
    }
}
