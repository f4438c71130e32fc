using System.Globalization;
using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>Arrivals at a piecewise-constant rate: Poisson (exponential gaps) or evenly spaced, following a schedule of rate segments.</summary>
/// <remarks>
/// A spike is three segments: e.g. 1,000 req/s from 0 s, 8,000 req/s from 300 s, 1,000 req/s again from 360 s.
/// Expected arrivals in [a, b) are the integral of the rate: the sum over segments of overlap length x rate.
/// Immutable and thread-safe.
/// </remarks>
public sealed record RateScheduleArrivals : ArrivalProcess
{
    /// <summary>Arrivals of <paramref name="kind"/> following <paramref name="schedule"/> (segments sorted by start, the first at 0 s).</summary>
    /// <exception cref="ArgumentException">An empty schedule, a first segment not at 0 s, unsorted starts, or a negative or non-finite rate.</exception>
    public RateScheduleArrivals(ArrivalKind kind, IReadOnlyList<RateSegment> schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Count == 0 || schedule[0].StartSeconds != 0)
        {
            throw new ArgumentException("A rate schedule needs at least one segment, and the first must start at 0 s.", nameof(schedule));
        }

        for (var i = 0; i < schedule.Count; i++)
        {
            var rate = schedule[i].RatePerSecond;
            if (!(rate >= 0) || double.IsInfinity(rate))
            {
                throw new ArgumentException($"Segment {i} has rate {rate} req/s; a rate must be finite and non-negative.", nameof(schedule));
            }

            if (i > 0 && !(schedule[i].StartSeconds > schedule[i - 1].StartSeconds))
            {
                throw new ArgumentException($"Segment {i} starts at {schedule[i].StartSeconds} s; starts must increase.", nameof(schedule));
            }
        }

        Kind = kind;
        Schedule = schedule.ToArray();
    }

    /// <summary>How arrivals are spaced.</summary>
    public ArrivalKind Kind { get; }

    /// <summary>The rate segments, sorted by start, the first at 0 s.</summary>
    public IReadOnlyList<RateSegment> Schedule { get; }

    /// <inheritdoc />
    public override string ProcessName => Kind == ArrivalKind.Poisson ? "poisson" : "constant";

    /// <inheritdoc />
    public override double ExpectedArrivals(double fromSeconds, double toSeconds)
    {
        var total = 0.0;
        for (var i = 0; i < Schedule.Count; i++)
        {
            var start = Math.Max(Schedule[i].StartSeconds, fromSeconds);
            var end = Math.Min(i + 1 < Schedule.Count ? Schedule[i + 1].StartSeconds : double.PositiveInfinity, toSeconds);
            if (end > start)
            {
                total += (end - start) * Schedule[i].RatePerSecond;
            }
        }

        return total;
    }

    /// <inheritdoc />
    public override string Describe() => Schedule.Count == 1
        ? string.Create(CultureInfo.InvariantCulture, $"{ProcessName} {Schedule[0].RatePerSecond:0.###} req/s")
        : string.Create(CultureInfo.InvariantCulture, $"{ProcessName}, {Schedule.Count} rate segments");

    /// <inheritdoc />
    public override IArrivalStream CreateStream(RandomStream random) => new RateScheduleStream(this, random);
}
