using System.Globalization;
using System.Text.Json;
using ServerlessSim.Randomness;

namespace ServerlessSim.Configuration;

/// <summary>Reads a distribution of a scenario file (parameters in milliseconds) into an <see cref="IDistribution"/> in seconds.</summary>
/// <remarks>
/// A bare number is a constant; an object names its <c>type</c>: <c>{"type":"lognormal","medianMs":10,"p99Ms":40}</c>
/// becomes <see cref="LogNormalDistribution.FromMedianAndP99"/>(0.010, 0.040). Every parameter is checked here
/// before a constructor sees it, so no constructor throws.
/// </remarks>
internal static class DistributionReader
{
    private static readonly (string Name, DistributionType Value)[] Types =
    [
        ("constant", DistributionType.Constant),
        ("exponential", DistributionType.Exponential),
        ("lognormal", DistributionType.LogNormal),
        ("gamma", DistributionType.Gamma),
        ("empirical", DistributionType.Empirical),
    ];

    private static readonly string[] AllFields = ["type", "valueMs", "meanMs", "medianMs", "p99Ms", "shape", "samplesMs", "percentilesMs", "resample"];

    // A duration is at most MaxMeanDurationSeconds (1e9 ms); the distribution's mean is checked against it too.
    private static readonly NumberRange NonNegativeMs = new(0, ScenarioValidator.MaxMeanDurationSeconds * 1000, Unit: "ms");
    private static readonly NumberRange PositiveMs = new(0, ScenarioValidator.MaxMeanDurationSeconds * 1000, MinExclusive: true, Unit: "ms");
    private static readonly NumberRange Percentile = new(0, 100);

    private enum DistributionType
    {
        Constant,
        Exponential,
        LogNormal,
        Gamma,
        Empirical,
    }

    /// <summary>The distribution at <paramref name="path"/>, or null (with errors) if it is invalid.</summary>
    public static IDistribution? Read(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            return JsonValueReader.Number(element, path, NonNegativeMs, errors) is { } ms ? new ConstantDistribution(ms / 1000) : null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.AddShown(path, JsonValueReader.Raw(element),
                $"must be a number of milliseconds (at least 0) or an object with a \"type\": {string.Join(", ", Types.Select(t => t.Name))}");
            return null;
        }

        DistributionType? type = null;
        if (element.TryGetProperty("type", out var typeElement) && typeElement.ValueKind != JsonValueKind.Null)
        {
            type = JsonValueReader.Choice(typeElement, path + ".type", Types, errors);
        }
        else
        {
            errors.AddShown(path + ".type", typeElement.ValueKind == JsonValueKind.Null ? "null" : ValidationErrors.Show(null),
                "is required; " + FieldSuggestions.UnknownChoiceRule(null, Types.Select(t => t.Name).ToArray()));
        }

        var reader = JsonObjectReader.Open(element, path, FieldsOf(type), errors)!;
        return type switch
        {
            DistributionType.Constant => reader.Number("valueMs", NonNegativeMs, required: true) is { } v ? new ConstantDistribution(v / 1000) : null,
            DistributionType.Exponential => PositiveSeconds(reader, "meanMs", errors) is { } mean ? new ExponentialDistribution(mean) : null,
            DistributionType.LogNormal => ReadLogNormal(reader, errors),
            DistributionType.Gamma => ReadGamma(reader, errors),
            DistributionType.Empirical => ReadEmpirical(reader, errors),
            _ => null,
        };
    }

    private static string[] FieldsOf(DistributionType? type) => type switch
    {
        DistributionType.Constant => ["type", "valueMs"],
        DistributionType.Exponential => ["type", "meanMs"],
        DistributionType.LogNormal => ["type", "medianMs", "p99Ms"],
        DistributionType.Gamma => ["type", "shape", "meanMs"],
        DistributionType.Empirical => ["type", "samplesMs", "percentilesMs", "resample"],
        _ => AllFields,
    };

    // A parameter in ms that must be positive, in seconds; a value so small that it is 0 s once divided counts as 0.
    private static double? PositiveSeconds(JsonObjectReader reader, string field, ValidationErrors errors)
    {
        if (reader.Number(field, PositiveMs, required: true) is not { } ms)
        {
            return null;
        }

        if (ms / 1000 > 0)
        {
            return ms / 1000;
        }

        errors.AddShown(reader.PathOf(field), JsonValueReader.Raw(reader.Get(field)!.Value), PositiveMs.Rule);
        return null;
    }

    private static LogNormalDistribution? ReadLogNormal(JsonObjectReader reader, ValidationErrors errors)
    {
        var median = PositiveSeconds(reader, "medianMs", errors);
        var p99 = reader.Number("p99Ms", PositiveMs, required: true);
        if (median is null || p99 is null)
        {
            return null;
        }

        var p99Shown = JsonValueReader.Raw(reader.Get("p99Ms")!.Value);
        if (!(p99 / 1000 >= median))
        {
            errors.AddShown(reader.PathOf("p99Ms"), p99Shown, $"must be at least medianMs ({JsonValueReader.Raw(reader.Get("medianMs")!.Value)})");
            return null;
        }

        var distribution = LogNormalDistribution.FromMedianAndP99(median.Value, p99.Value / 1000);
        if (!double.IsFinite(distribution.Mean))
        {
            errors.AddShown(reader.PathOf("p99Ms"), p99Shown, "is too far above medianMs: the mean would not be a finite number");
            return null;
        }

        return distribution;
    }

    private static GammaDistribution? ReadGamma(JsonObjectReader reader, ValidationErrors errors)
    {
        var shape = reader.Number("shape", new NumberRange(0, MinExclusive: true), required: true);
        var mean = PositiveSeconds(reader, "meanMs", errors);
        return shape is { } k && mean is { } m ? new GammaDistribution(k, m) : null;
    }

    private static EmpiricalDistribution? ReadEmpirical(JsonObjectReader reader, ValidationErrors errors)
    {
        var samples = reader.Get("samplesMs");
        var percentiles = reader.Get("percentilesMs");
        if (samples is not null && percentiles is { } both)
        {
            errors.AddShown(reader.PathOf("percentilesMs"), JsonValueReader.Raw(both), "cannot be given with samplesMs; give one or the other");
            return null;
        }

        var resample = reader.Flag("resample") ?? false;
        if (samples is { } samplesElement)
        {
            return ReadSamples(samplesElement, reader.PathOf("samplesMs"), resample, errors);
        }

        if (percentiles is { } percentilesElement)
        {
            if (resample)
            {
                errors.AddShown(reader.PathOf("resample"), "true", "is only allowed with samplesMs: percentiles are always interpolated");
                return null;
            }

            return ReadPercentiles(percentilesElement, reader.PathOf("percentilesMs"), errors);
        }

        errors.AddShown(reader.PathOf("samplesMs"), ValidationErrors.Show(null), "is required unless percentilesMs is given");
        return null;
    }

    private static EmpiricalDistribution? ReadSamples(JsonElement element, string path, bool resample, ValidationErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            errors.AddShown(path, JsonValueReader.Raw(element), "must be a non-empty array of numbers of at least 0 (ms)");
            return null;
        }

        var seconds = new List<double>(element.GetArrayLength());
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (JsonValueReader.Number(item, $"{path}[{index}]", NonNegativeMs, errors) is { } ms)
            {
                seconds.Add(ms / 1000);
            }

            index++;
        }

        if (seconds.Count != element.GetArrayLength())
        {
            return null;
        }

        return resample ? EmpiricalDistribution.Resampling(seconds) : EmpiricalDistribution.FromSamples(seconds);
    }

    private static EmpiricalDistribution? ReadPercentiles(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.AddShown(path, JsonValueReader.Raw(element), "must be an object from percentile (0..100) to milliseconds, e.g. {\"0\": 1, \"50\": 10, \"100\": 50}");
            return null;
        }

        var points = new List<(double Percentile, double Ms, string Path, JsonElement Value)>();
        var valid = true;
        foreach (var property in element.EnumerateObject())
        {
            var pointPath = $"{path}[\"{property.Name}\"]";
            var isPercentile = double.TryParse(property.Name, NumberStyles.Float, CultureInfo.InvariantCulture, out var percentile) &&
                               Percentile.Contains(percentile);
            if (!isPercentile)
            {
                errors.AddShown(pointPath, ValidationErrors.Show(property.Name), "must be a percentile: a number from 0 to 100");
            }
            else if (points.Any(q => q.Percentile == percentile))
            {
                errors.AddShown(pointPath, ValidationErrors.Show(property.Name), $"repeats percentile {ValidationErrors.Show(percentile)}");
                isPercentile = false;
            }

            var ms = JsonValueReader.Number(property.Value, pointPath, NonNegativeMs, errors);
            if (isPercentile && ms is { } value)
            {
                points.Add((percentile, value, pointPath, property.Value));
            }
            else
            {
                valid = false;
            }
        }

        if (!valid)
        {
            return null;
        }

        points.Sort((a, b) => a.Percentile.CompareTo(b.Percentile));
        if (points.Count < 2 || points[0].Percentile != 0 || points[^1].Percentile != 100)
        {
            errors.AddShown(path, JsonValueReader.Raw(element), "must include percentiles 0 and 100 (the minimum and the maximum)");
            return null;
        }

        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].Ms < points[i - 1].Ms)
            {
                errors.AddShown(points[i].Path, JsonValueReader.Raw(points[i].Value),
                    $"must be at least the value at percentile {ValidationErrors.Show(points[i - 1].Percentile)} ({JsonValueReader.Raw(points[i - 1].Value)}); values must not decrease");
                valid = false;
            }
        }

        return valid ? EmpiricalDistribution.FromPercentiles(points.Select(q => (q.Percentile, q.Ms / 1000)).ToArray()) : null;
    }
}
