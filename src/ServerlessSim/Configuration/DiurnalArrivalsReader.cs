using ServerlessSim.Workload;

namespace ServerlessSim.Configuration;

/// <summary>Reads the daily-cycle arrival processes of a scenario file: <c>sinusoidal</c> and <c>hourlyProfile</c>.</summary>
internal static class DiurnalArrivalsReader
{
    private static readonly (string Name, ProfileInterpolation Value)[] Interpolations =
    [
        ("step", ProfileInterpolation.Step),
        ("linear", ProfileInterpolation.Linear),
    ];

    /// <summary>A sinusoidal rate, or null (with errors).</summary>
    public static SinusoidalArrivals? ReadSinusoidal(JsonObjectReader reader, ValidationErrors errors)
    {
        var mean = reader.Number("meanRatePerSecond", ArrivalsReader.Rate, required: true);
        var amplitude = reader.Number("amplitudeRatePerSecond", ArrivalsReader.Rate, required: true);
        var period = reader.Number("periodSeconds", ArrivalsReader.Length) ?? SinusoidalArrivals.DaySeconds;
        var peak = reader.Number("peakSeconds", ArrivalsReader.Time) ?? 0;
        if (mean is not { } m || amplitude is not { } a)
        {
            return null;
        }

        if (a > m)
        {
            errors.AddShown(reader.PathOf("amplitudeRatePerSecond"), JsonValueReader.Raw(reader.Get("amplitudeRatePerSecond")!.Value),
                $"must be at most meanRatePerSecond ({JsonValueReader.Raw(reader.Get("meanRatePerSecond")!.Value)}) so that the rate never goes below 0");
            return null;
        }

        return new SinusoidalArrivals(m, a, period, peak);
    }

    /// <summary>An hourly profile, or null (with errors).</summary>
    public static HourlyProfileArrivals? ReadHourlyProfile(JsonObjectReader reader, ValidationErrors errors)
    {
        var rates = reader.Get("hourlyRatesPerSecond", required: true, $"give {HourlyProfileArrivals.Hours} rates, one per hour from 00:00") is { } element
            ? JsonArrayReader.Numbers(element, reader.PathOf("hourlyRatesPerSecond"), ArrivalsReader.Rate, errors, HourlyProfileArrivals.Hours)
            : null;
        var interpolation = reader.Choice("interpolation", Interpolations) ?? ProfileInterpolation.Step;
        return rates is null ? null : new HourlyProfileArrivals(rates, interpolation);
    }
}
