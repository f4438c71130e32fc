using System.Globalization;
using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>A non-homogeneous Poisson process whose rate follows 24 hourly rates, repeating every day.</summary>
/// <remarks>
/// <para>
/// The run starts at hour 0 (rotate the rates to start elsewhere). With <see cref="ProfileInterpolation.Step"/> hour h
/// has exactly rate r[h]; with <see cref="ProfileInterpolation.Linear"/> the rate runs in straight lines through
/// (h:30, r[h]), wrapping from hour 23 to hour 0, so at h:00 it is (r[h-1] + r[h]) / 2. Both keep the day's total:
/// 3,600 x (r[0] + ... + r[23]) requests. Drawn exactly by thinning at the ceiling max r[h].
/// </para>
/// <para>
/// E.g. 10 req/s at night and 50 req/s from 08:00 to 20:00, stepped: 12 x 3,600 x (10 + 50) = 2,592,000 requests a day.
/// Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed record HourlyProfileArrivals : ArrivalProcess, IRateFunction
{
    /// <summary>The number of rates in a profile: one per hour of the day.</summary>
    public const int Hours = 24;

    private const double HourSeconds = 3_600;
    private const double DaySeconds = Hours * HourSeconds;

    // The profile as pieces of equal width: piece k runs linearly from _startRate[k] to _endRate[k]
    // (equal for steps); _cumulative[k] is the expected arrivals of a day before piece k.
    private readonly double[] _startRate;
    private readonly double[] _endRate;
    private readonly double[] _cumulative;
    private readonly double _pieceSeconds;

    /// <summary>A profile; see <see cref="ArrivalProcess.HourlyProfile"/>.</summary>
    /// <param name="hourlyRatesPerSecond">24 rates in requests per second, each finite and at least 0; hour 0 starts the run.</param>
    /// <param name="interpolation">Steps, or straight lines through the middles of the hours.</param>
    /// <exception cref="ArgumentException">Not 24 rates, or a negative or non-finite one.</exception>
    public HourlyProfileArrivals(IReadOnlyList<double> hourlyRatesPerSecond, ProfileInterpolation interpolation)
    {
        ArgumentNullException.ThrowIfNull(hourlyRatesPerSecond);
        if (hourlyRatesPerSecond.Count != Hours)
        {
            throw new ArgumentException($"An hourly profile has {Hours} rates, one per hour; {hourlyRatesPerSecond.Count} given.", nameof(hourlyRatesPerSecond));
        }

        for (var h = 0; h < Hours; h++)
        {
            if (!(hourlyRatesPerSecond[h] >= 0) || double.IsInfinity(hourlyRatesPerSecond[h]))
            {
                throw new ArgumentException($"Hour {h} has rate {hourlyRatesPerSecond[h]} req/s; a rate must be finite and non-negative.", nameof(hourlyRatesPerSecond));
            }
        }

        HourlyRatesPerSecond = hourlyRatesPerSecond.ToArray();
        Interpolation = interpolation;
        (_startRate, _endRate) = interpolation == ProfileInterpolation.Step ? StepPieces(HourlyRatesPerSecond) : LinearPieces(HourlyRatesPerSecond);
        _pieceSeconds = DaySeconds / _startRate.Length;
        _cumulative = new double[_startRate.Length + 1];
        for (var k = 0; k < _startRate.Length; k++)
        {
            _cumulative[k + 1] = _cumulative[k] + (_pieceSeconds * (_startRate[k] + _endRate[k]) / 2);
        }

        MaxRatePerSecond = HourlyRatesPerSecond.Max();
    }

    /// <summary>The rate of each hour of the day, in requests per second; hour 0 starts the run.</summary>
    public IReadOnlyList<double> HourlyRatesPerSecond { get; }

    /// <summary>How the rate fills the time between the hourly points.</summary>
    public ProfileInterpolation Interpolation { get; }

    /// <inheritdoc />
    public override string ProcessName => "hourlyProfile";

    /// <summary>The highest hourly rate, in requests per second (linear interpolation never exceeds it).</summary>
    public double MaxRatePerSecond { get; }

    /// <summary>The rate at <paramref name="seconds"/> from the start, in requests per second.</summary>
    public double RateAt(double seconds)
    {
        var (piece, fraction) = Locate(seconds - (Math.Floor(seconds / DaySeconds) * DaySeconds));
        return _startRate[piece] + (fraction * (_endRate[piece] - _startRate[piece]));
    }

    /// <inheritdoc />
    public override double ExpectedArrivals(double fromSeconds, double toSeconds)
    {
        var from = Math.Max(0, fromSeconds);
        return toSeconds > from ? Cumulative(toSeconds) - Cumulative(from) : 0;
    }

    /// <inheritdoc />
    public override string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"hourly profile ({Interpolation.ToString().ToLowerInvariant()}) {HourlyRatesPerSecond.Min():0.###}..{MaxRatePerSecond:0.###} req/s, mean {_cumulative[^1] / DaySeconds:0.###} req/s");

    /// <inheritdoc />
    public override IArrivalStream CreateStream(RandomStream random) => new ThinningStream(this, random);

    private static (double[] Start, double[] End) StepPieces(IReadOnlyList<double> rates) => (rates.ToArray(), rates.ToArray());

    // Two pieces per hour: from h:00, at the mean of hours h-1 and h, to h:30 at r[h]; then to h+1:00 at the mean of h and h+1.
    private static (double[] Start, double[] End) LinearPieces(IReadOnlyList<double> rates)
    {
        var start = new double[2 * Hours];
        var end = new double[2 * Hours];
        for (var h = 0; h < Hours; h++)
        {
            var before = (rates[(h + Hours - 1) % Hours] + rates[h]) / 2;
            var after = (rates[h] + rates[(h + 1) % Hours]) / 2;
            (start[2 * h], end[2 * h]) = (before, rates[h]);
            (start[(2 * h) + 1], end[(2 * h) + 1]) = (rates[h], after);
        }

        return (start, end);
    }

    // The expected arrivals in [0, seconds).
    private double Cumulative(double seconds)
    {
        if (double.IsPositiveInfinity(seconds))
        {
            return _cumulative[^1] > 0 ? double.PositiveInfinity : 0;
        }

        var days = Math.Floor(seconds / DaySeconds);
        var (piece, fraction) = Locate(seconds - (days * DaySeconds));
        var within = _pieceSeconds * fraction * (_startRate[piece] + ((_endRate[piece] - _startRate[piece]) * fraction / 2));
        return (days * _cumulative[^1]) + _cumulative[piece] + within;
    }

    private (int Piece, double Fraction) Locate(double secondsIntoDay)
    {
        var position = secondsIntoDay / _pieceSeconds;
        var piece = Math.Min((int)position, _startRate.Length - 1);
        return (piece, position - piece);
    }
}
