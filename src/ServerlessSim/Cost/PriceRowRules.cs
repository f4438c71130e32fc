using System.Globalization;
using ServerlessSim.Configuration;

namespace ServerlessSim.Cost;

/// <summary>The rules every price row obeys, whether it comes from a file or from C#.</summary>
internal static class PriceRowRules
{
    /// <summary>The format of a row's date.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Adds an error for every rule <paramref name="row"/> breaks; <paramref name="path"/> names the row (e.g. <c>lambda.x86UsdPerGbSecond</c>).</summary>
    /// <returns>Whether the row is valid.</returns>
    public static bool Check(PriceRow row, string path, ValidationErrors errors)
    {
        var before = errors.All.Count;
        if (PriceKeys.Find(row.Key) is not { } definition)
        {
            var closest = FieldSuggestions.Closest(row.Key, PriceKeys.All.Select(d => d.Key).ToArray());
            errors.Add(path, row.Key, closest is null ? "is not a price row; the rows are listed in docs/cost.md" : $"is not a price row; did you mean \"{closest}\"?");
            return false;
        }

        var range = RangeOf(definition);
        if (!range.Contains((double)row.Value))
        {
            errors.Add(path + ".value", row.Value, range.Rule);
        }

        if (string.IsNullOrWhiteSpace(row.Source))
        {
            errors.Add(path + ".source", row.Source, "must be a non-empty string: where the value was read (a URL)");
        }

        if (!IsDate(row.Date))
        {
            errors.Add(path + ".date", row.Date, "must be a date written yyyy-mm-dd: when the value was read");
        }

        CheckTiers(row, definition, path, range, errors);
        return errors.All.Count == before;
    }

    /// <summary>The values <paramref name="definition"/> allows, e.g. "must be a number from 0 to 1000000 (USD per GB-second)".</summary>
    public static NumberRange RangeOf(PriceKeyDefinition definition) =>
        new(definition.Min, definition.Max, definition.MinExclusive, definition.Unit);

    /// <summary>Whether <paramref name="text"/> is a calendar date written yyyy-mm-dd.</summary>
    public static bool IsDate(string? text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static void CheckTiers(PriceRow row, PriceKeyDefinition definition, string path, NumberRange range, ValidationErrors errors)
    {
        if (row.Tiers.Count > 0 && !definition.Tiered)
        {
            errors.Add(path + ".tiers", row.Tiers.Count + " tier(s)", "are not allowed: only Lambda's GB-second prices have volume tiers");
            return;
        }

        var previous = 0m;
        for (var i = 0; i < row.Tiers.Count; i++)
        {
            var tier = row.Tiers[i];
            if (tier.Above <= previous)
            {
                errors.Add($"{path}.tiers[{i}].above", tier.Above,
                    i == 0 ? "must be greater than 0 (a monthly quantity)" : $"must be greater than the previous tier's ({previous.ToString(CultureInfo.InvariantCulture)}); thresholds must strictly increase");
            }

            if (!range.Contains((double)tier.Value))
            {
                errors.Add($"{path}.tiers[{i}].value", tier.Value, range.Rule);
            }

            previous = Math.Max(previous, tier.Above);
        }
    }
}
