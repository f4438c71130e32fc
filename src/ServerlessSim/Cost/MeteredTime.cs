namespace ServerlessSim.Cost;

/// <summary>
/// A set of billed periods (request executions, instance activity, lifetimes) reduced to what every billing rule
/// needs: the count, the exact total, and the total under each platform's rounding of a single period.
/// </summary>
/// <remarks>
/// Rounding is per period, so it cannot be recovered from a total: two 50 ms periods are 200 ms at Cloud Run's
/// 100 ms granularity and 2,000 ms under Azure Flex Consumption's 1,000 ms minimum, but 100 ms exactly. Memory
/// stays fixed however many periods are added. Periods are rounded up after subtracting a millionth of a
/// millisecond, so that 0.1 s computed as 0.10000000000000002 s is billed 100 ms, not 101 ms.
/// </remarks>
/// <param name="Periods">How many periods.</param>
/// <param name="ExactSeconds">Their total length, unrounded, in seconds.</param>
/// <param name="BilledMsPer1Ms">Their total with each period rounded up to a whole millisecond (AWS Lambda), in ms.</param>
/// <param name="BilledMsPer100Ms">Their total with each period rounded up to 100 ms (Google Cloud Run), in ms.</param>
/// <param name="BilledMsMin1000Per100Ms">
/// Their total with each period billed at least 1,000 ms, then rounded up to 100 ms (Azure Functions Flex
/// Consumption), in ms.
/// </param>
public sealed record MeteredTime(long Periods, double ExactSeconds, long BilledMsPer1Ms, long BilledMsPer100Ms, long BilledMsMin1000Per100Ms)
{
    /// <summary>No periods.</summary>
    public static MeteredTime None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The periods of the given lengths, in seconds (each at least 0).</summary>
    /// <remarks>E.g. <c>Of(0.05, 0.05)</c>: 2 periods, 0.1 s exact, 100 ms at 1 ms, 200 ms at 100 ms, 2,000 ms at Azure's minimum.</remarks>
    public static MeteredTime Of(params double[] periodSeconds)
    {
        ArgumentNullException.ThrowIfNull(periodSeconds);
        var tally = default(MeteredTimeTally);
        foreach (var seconds in periodSeconds)
        {
            CheckLength(seconds, nameof(periodSeconds));
            tally.Add(seconds);
        }

        return tally.ToMeteredTime();
    }

    /// <summary><paramref name="count"/> periods of <paramref name="periodSeconds"/> seconds each.</summary>
    /// <remarks>E.g. <c>Repeat(0.1, 1_000_000)</c>: a million 100 ms requests, 100,000 s, 100,000,000 ms at every granularity but Azure's (1,000,000,000 ms).</remarks>
    public static MeteredTime Repeat(double periodSeconds, long count)
    {
        CheckLength(periodSeconds, nameof(periodSeconds));
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var one = Of(periodSeconds);
        return new MeteredTime(
            count, periodSeconds * count, one.BilledMsPer1Ms * count, one.BilledMsPer100Ms * count, one.BilledMsMin1000Per100Ms * count);
    }

    /// <summary>All the periods of <paramref name="parts"/> together (every field adds up).</summary>
    public static MeteredTime Sum(IEnumerable<MeteredTime> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sum = None;
        foreach (var p in parts)
        {
            sum = new MeteredTime(
                sum.Periods + p.Periods,
                sum.ExactSeconds + p.ExactSeconds,
                sum.BilledMsPer1Ms + p.BilledMsPer1Ms,
                sum.BilledMsPer100Ms + p.BilledMsPer100Ms,
                sum.BilledMsMin1000Per100Ms + p.BilledMsMin1000Per100Ms);
        }

        return sum;
    }

    private static void CheckLength(double seconds, string name)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            throw new ArgumentOutOfRangeException(name, seconds, "A period must be a finite number of seconds, at least 0.");
        }
    }
}

/// <summary>Adds periods one at a time into a <see cref="MeteredTime"/>; a mutable value for the run's streaming metrics.</summary>
internal struct MeteredTimeTally
{
    // 0.5 s computed as 0.50000000001 s in floating point must not be billed 501 ms.
    private const double RoundingAllowanceMs = 1e-6;

    private long _periods;
    private double _seconds;
    private long _ms1;
    private long _ms100;
    private long _msFlex;

    /// <summary>Adds one period of <paramref name="seconds"/> seconds.</summary>
    public void Add(double seconds)
    {
        var ms = Math.Max(0, (seconds * 1000.0) - RoundingAllowanceMs);
        var wholeMs = (long)Math.Ceiling(ms);
        var hundreds = (long)Math.Ceiling(ms / 100.0) * 100;
        _periods++;
        _seconds += seconds;

        // Checked sums: 1e11 requests of 1e9 ms (the validator's bounds) would pass a long's 9.2e18 ms; fail loudly
        // instead. The conversions above stay unchecked (a checked double-to-long is a helper call per period), as a
        // period is far below 9.2e18 ms.
        checked
        {
            _ms1 += wholeMs;
            _ms100 += hundreds;
            _msFlex += Math.Max(1000, hundreds);
        }
    }

    public readonly MeteredTime ToMeteredTime() => new(_periods, _seconds, _ms1, _ms100, _msFlex);
}
