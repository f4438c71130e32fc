using System.Globalization;
using ServerlessSim.Configuration;

namespace ServerlessSim.Cost;

/// <summary>The rules every price row obeys, whether it comes from a file or from C#; each check names the path, value and rule.</summary>
internal static class PriceRowRules
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Adds an error for every rule <paramref name="row"/> breaks; <paramref name="path"/> names the row (e.g. <c>lambda.x86UsdPerGbSecond</c>).</summary>
    /// <returns>Whether the row is valid.</returns>
    public static bool Check(PriceRow row, string path, ValidationErrors errors)
    {
        if (PriceKeys.Find(row.Key) is not { } definition)
        {
            var closest = FieldSuggestions.Closest(row.Key, PriceKeys.All.Select(d => d.Key).ToArray());
            errors.Add(path, row.Key, closest is null ? "is not a price row; the rows are listed in docs/cost.md" : $"is not a price row; did you mean \"{closest}\"?");
            return false;
        }

        return CheckValue(definition, row.Value, path + ".value", errors) &
               CheckSource(row.Source, path + ".source", errors) &
               CheckDate(row.Date, path + ".date", errors) &
               CheckTiers(definition, row.Tiers, path + ".tiers", errors);
    }

    /// <summary>The values <paramref name="definition"/> allows, e.g. "must be a number from 0 to 1000000 (USD per GB-second)".</summary>
    public static NumberRange RangeOf(PriceKeyDefinition definition) =>
        new(definition.Min, definition.Max, definition.MinExclusive, definition.Unit);

    /// <summary>A value (or a tier's value) within the row's range.</summary>
    public static bool CheckValue(PriceKeyDefinition definition, decimal value, string path, ValidationErrors errors)
    {
        var range = RangeOf(definition);
        if (range.Contains((double)value))
        {
            return true;
        }

        errors.Add(path, value, range.Rule);
        return false;
    }

    /// <summary>Where the value was read: not empty.</summary>
    public static bool CheckSource(string? source, string path, ValidationErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(source))
        {
            return true;
        }

        errors.Add(path, source, "must be a non-empty string: where the value was read (a URL)");
        return false;
    }

    /// <summary>When the value was read: a calendar date written yyyy-mm-dd.</summary>
    public static bool CheckDate(string? date, string path, ValidationErrors errors)
    {
        if (DateOnly.TryParseExact(date, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return true;
        }

        errors.Add(path, date, "must be a date written yyyy-mm-dd: when the value was read");
        return false;
    }

    /// <summary>Tiers only where the row allows them, thresholds above 0 and strictly increasing, values in range.</summary>
    public static bool CheckTiers(PriceKeyDefinition definition, IReadOnlyList<PriceTier> tiers, string path, ValidationErrors errors)
    {
        if (tiers.Count > 0 && !definition.Tiered)
        {
            errors.AddShown(path, tiers.Count + " tier(s)", "are not allowed here: only Lambda's GB-second prices have volume tiers");
            return false;
        }

        var ok = true;
        var previous = 0m;
        for (var i = 0; i < tiers.Count; i++)
        {
            if (tiers[i].Above <= previous)
            {
                errors.Add($"{path}[{i}].above", tiers[i].Above, i == 0
                    ? "must be greater than 0 (a monthly quantity)"
                    : $"must be greater than the previous tier's ({previous.ToString(CultureInfo.InvariantCulture)}); thresholds must strictly increase");
                ok = false;
            }

            ok &= CheckValue(definition, tiers[i].Value, $"{path}[{i}].value", errors);
            previous = Math.Max(previous, tiers[i].Above);
        }

        return ok;
    }
}
