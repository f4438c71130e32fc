using System.Globalization;
using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>A non-homogeneous Poisson process with a sinusoidal rate: mean + amplitude x cos(2 pi (t - peak) / period).</summary>
/// <remarks>
/// Drawn exactly by thinning at the ceiling mean + amplitude. E.g. mean 100, amplitude 60 req/s, period one day,
/// peak at 14:00 (50,400 s): 160 req/s at 14:00, 40 req/s at 02:00, 8,640,000 requests a day. The expected
/// arrivals in [a, b) are mean x (b - a) + amplitude x period / (2 pi) x (sin(2 pi (b - peak) / period) -
/// sin(2 pi (a - peak) / period)). Immutable and thread-safe.
/// </remarks>
public sealed record SinusoidalArrivals : ArrivalProcess, IRateFunction
{
    /// <summary>A day, in seconds: the default period.</summary>
    public const double DaySeconds = 86_400;

    /// <summary>A sinusoidal rate; see <see cref="ArrivalProcess.Sinusoidal"/>.</summary>
    /// <param name="meanRatePerSecond">The mean rate, in requests per second (finite, at least 0).</param>
    /// <param name="amplitudeRatePerSecond">The swing around the mean, in requests per second (0 to the mean, so the rate is never negative).</param>
    /// <param name="periodSeconds">The cycle length, in seconds (finite, greater than 0).</param>
    /// <param name="peakSeconds">When the rate peaks, in seconds from the start of the run (finite).</param>
    /// <exception cref="ArgumentException">A parameter outside its range.</exception>
    public SinusoidalArrivals(double meanRatePerSecond, double amplitudeRatePerSecond, double periodSeconds, double peakSeconds)
    {
        if (!(meanRatePerSecond >= 0) || double.IsInfinity(meanRatePerSecond))
        {
            throw new ArgumentException($"The mean rate is {meanRatePerSecond} req/s; it must be finite and non-negative.", nameof(meanRatePerSecond));
        }

        if (!(amplitudeRatePerSecond >= 0 && amplitudeRatePerSecond <= meanRatePerSecond))
        {
            throw new ArgumentException($"The amplitude is {amplitudeRatePerSecond} req/s; it must be from 0 to the mean rate ({meanRatePerSecond}) so the rate never goes negative.", nameof(amplitudeRatePerSecond));
        }

        if (!(periodSeconds > 0) || double.IsInfinity(periodSeconds))
        {
            throw new ArgumentException($"The period is {periodSeconds} s; it must be finite and greater than 0.", nameof(periodSeconds));
        }

        if (!double.IsFinite(peakSeconds))
        {
            throw new ArgumentException($"The peak time is {peakSeconds} s; it must be finite.", nameof(peakSeconds));
        }

        MeanRatePerSecond = meanRatePerSecond;
        AmplitudeRatePerSecond = amplitudeRatePerSecond;
        PeriodSeconds = periodSeconds;
        PeakSeconds = peakSeconds;
    }

    /// <summary>The mean rate over a period, in requests per second.</summary>
    public double MeanRatePerSecond { get; }

    /// <summary>The swing above and below the mean, in requests per second.</summary>
    public double AmplitudeRatePerSecond { get; }

    /// <summary>The cycle length, in seconds.</summary>
    public double PeriodSeconds { get; }

    /// <summary>When the rate peaks, in seconds from the start of the run (and every period after).</summary>
    public double PeakSeconds { get; }

    /// <inheritdoc />
    public override string ProcessName => "sinusoidal";

    /// <summary>The highest rate, mean + amplitude, in requests per second.</summary>
    public double MaxRatePerSecond => MeanRatePerSecond + AmplitudeRatePerSecond;

    /// <summary>The rate at <paramref name="seconds"/> from the start, in requests per second.</summary>
    public double RateAt(double seconds) =>
        Math.Max(0, MeanRatePerSecond + (AmplitudeRatePerSecond * Math.Cos(Angle(seconds))));

    /// <inheritdoc />
    public override double ExpectedArrivals(double fromSeconds, double toSeconds)
    {
        var from = Math.Max(0, fromSeconds);
        if (!(toSeconds > from))
        {
            return 0;
        }

        if (double.IsPositiveInfinity(toSeconds))
        {
            return MeanRatePerSecond > 0 ? double.PositiveInfinity : 0;
        }

        var swing = AmplitudeRatePerSecond * PeriodSeconds / (2 * Math.PI) * (Math.Sin(Angle(toSeconds)) - Math.Sin(Angle(from)));
        return (MeanRatePerSecond * (toSeconds - from)) + swing;
    }

    /// <inheritdoc />
    public override string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"sinusoidal {MeanRatePerSecond:0.###} ± {AmplitudeRatePerSecond:0.###} req/s, period {PeriodSeconds:0.###} s, peak at {PeakSeconds:0.###} s");

    /// <inheritdoc />
    public override IArrivalStream CreateStream(RandomStream random) => new ThinningStream(this, random);

    private double Angle(double seconds) => 2 * Math.PI * (seconds - PeakSeconds) / PeriodSeconds;
}
