using System.Globalization;

namespace ServerlessSim.Engine;

/// <summary>A point in simulated time, in seconds since the start of the run.</summary>
/// <remarks>
/// Points and lengths are separate types (as NodaTime's Instant and Duration): a point minus a point is a
/// <see cref="SimDuration"/>, a point plus a length is a point, and two points cannot be added. Immutable and thread-safe.
/// </remarks>
public readonly record struct SimTime : IComparable<SimTime>
{
    private SimTime(double seconds) => Seconds = seconds;

    /// <summary>Seconds since the start of the run.</summary>
    public double Seconds { get; }

    /// <summary>The start of every run.</summary>
    public static SimTime Zero => default;

    /// <summary>A point after every event (used for "never").</summary>
    public static SimTime Never { get; } = new(double.PositiveInfinity);

    /// <summary>The point <paramref name="seconds"/> seconds after the start.</summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or negative.</exception>
    public static SimTime FromSeconds(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "A simulated time must be a non-negative number of seconds.");
        }

        return new SimTime(seconds);
    }

    /// <summary>The point a length later.</summary>
    public static SimTime operator +(SimTime t, SimDuration d) => new(t.Seconds + d.Seconds);

    /// <summary>The length between two points (later minus earlier).</summary>
    public static SimDuration operator -(SimTime later, SimTime earlier) => SimDuration.FromSeconds(later.Seconds - earlier.Seconds);

    /// <summary>Compares points.</summary>
    public static bool operator <(SimTime a, SimTime b) => a.Seconds < b.Seconds;

    /// <summary>Compares points.</summary>
    public static bool operator >(SimTime a, SimTime b) => a.Seconds > b.Seconds;

    /// <summary>Compares points.</summary>
    public static bool operator <=(SimTime a, SimTime b) => a.Seconds <= b.Seconds;

    /// <summary>Compares points.</summary>
    public static bool operator >=(SimTime a, SimTime b) => a.Seconds >= b.Seconds;

    /// <inheritdoc />
    public int CompareTo(SimTime other) => Seconds.CompareTo(other.Seconds);

    /// <inheritdoc />
    public override string ToString() => "t=" + Seconds.ToString("R", CultureInfo.InvariantCulture) + " s";
}
