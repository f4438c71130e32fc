using System.Globalization;

namespace ServerlessSim.Engine;

/// <summary>A length of simulated time, in seconds. Never negative-infinite or NaN once validated.</summary>
/// <remarks>
/// A double of seconds resolves about 0.1 ns at 1e6 s and 4 ns at 3e7 s (a year), far finer than the 1 ms
/// Lambda bills, so a double is exact enough for every horizon the library accepts. Immutable and thread-safe.
/// </remarks>
public readonly record struct SimDuration : IComparable<SimDuration>
{
    private SimDuration(double seconds) => Seconds = seconds;

    /// <summary>The length in seconds.</summary>
    public double Seconds { get; }

    /// <summary>The length in milliseconds.</summary>
    public double Milliseconds => Seconds * 1000.0;

    /// <summary>A zero length.</summary>
    public static SimDuration Zero => default;

    /// <summary>A length longer than any run (used for "never", such as an unlimited keep-alive).</summary>
    public static SimDuration Infinite { get; } = new(double.PositiveInfinity);

    /// <summary>Whether this is <see cref="Infinite"/>.</summary>
    public bool IsInfinite => double.IsPositiveInfinity(Seconds);

    /// <summary>A length of <paramref name="seconds"/> seconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or negative.</exception>
    public static SimDuration FromSeconds(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "A duration must be a non-negative number of seconds.");
        }

        return new SimDuration(seconds);
    }

    /// <summary>A length of <paramref name="milliseconds"/> milliseconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or negative.</exception>
    public static SimDuration FromMilliseconds(double milliseconds) => FromSeconds(milliseconds / 1000.0);

    /// <summary>A length of <paramref name="minutes"/> minutes.</summary>
    public static SimDuration FromMinutes(double minutes) => FromSeconds(minutes * 60.0);

    /// <summary>Adds two lengths.</summary>
    public static SimDuration operator +(SimDuration a, SimDuration b) => new(a.Seconds + b.Seconds);

    /// <summary>Scales a length.</summary>
    public static SimDuration operator *(SimDuration a, double factor) => FromSeconds(a.Seconds * factor);

    /// <summary>Compares lengths.</summary>
    public static bool operator <(SimDuration a, SimDuration b) => a.Seconds < b.Seconds;

    /// <summary>Compares lengths.</summary>
    public static bool operator >(SimDuration a, SimDuration b) => a.Seconds > b.Seconds;

    /// <summary>Compares lengths.</summary>
    public static bool operator <=(SimDuration a, SimDuration b) => a.Seconds <= b.Seconds;

    /// <summary>Compares lengths.</summary>
    public static bool operator >=(SimDuration a, SimDuration b) => a.Seconds >= b.Seconds;

    /// <inheritdoc />
    public int CompareTo(SimDuration other) => Seconds.CompareTo(other.Seconds);

    /// <inheritdoc />
    public override string ToString() => Seconds.ToString("R", CultureInfo.InvariantCulture) + " s";
}
