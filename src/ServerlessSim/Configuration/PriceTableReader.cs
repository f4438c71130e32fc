using System.Text.Json;
using ServerlessSim.Cost;

namespace ServerlessSim.Configuration;

/// <summary>Walks a price table document (one object per section, one object per row), collecting every problem.</summary>
/// <remarks>
/// Types are checked here (a value must be a JSON number, a date a string); the rules of a row (ranges, dates,
/// tiers) are <see cref="PriceRowRules"/>, shared with rows built in C#. Values are read as decimals, exactly as
/// written: 0.0000166667 stays 0.0000166667.
/// </remarks>
internal static class PriceTableReader
{
    private static readonly string[] RowFields = ["value", "tiers", "source", "date", "note"];
    private static readonly string[] TierFields = ["above", "value"];

    /// <summary>The rows in <paramref name="root"/> (a subset of the table unless <paramref name="complete"/>), or null if any error was added.</summary>
    /// <param name="root">The document or the scenario's inline <c>prices</c> object.</param>
    /// <param name="path">Its JSON path; empty for a document's root.</param>
    /// <param name="complete">Whether every row of <see cref="PriceKeys"/> must be given (the shipped table).</param>
    /// <param name="errors">Where problems go.</param>
    public static IReadOnlyList<PriceRow>? Read(JsonElement root, string path, bool complete, ValidationErrors errors)
    {
        var sections = PriceKeys.All.Select(d => d.Section).Distinct().ToArray();
        if (JsonObjectReader.Open(root, path, sections, errors, "must be a price table: an object") is not { } table)
        {
            return null;
        }

        var before = errors.All.Count;
        var rows = new List<PriceRow>();
        foreach (var section in sections)
        {
            var definitions = PriceKeys.All.Where(d => d.Section == section).ToArray();
            var sectionElement = table.Get(section, required: complete, "a complete price table has every section");
            if (sectionElement is null ||
                JsonObjectReader.Open(sectionElement.Value, table.PathOf(section), definitions.Select(d => d.Row).ToArray(), errors) is not { } reader)
            {
                continue;
            }

            foreach (var definition in definitions)
            {
                if (reader.Get(definition.Row, required: complete, "a complete price table has every row") is { } rowElement &&
                    ReadRow(rowElement, reader.PathOf(definition.Row), definition, errors) is { } row)
                {
                    rows.Add(row);
                }
            }
        }

        return errors.All.Count == before ? rows : null;
    }

    private static PriceRow? ReadRow(JsonElement element, string path, PriceKeyDefinition definition, ValidationErrors errors)
    {
        // Any row may say "tiers"; PriceRowRules then explains which rows may have them.
        if (JsonObjectReader.Open(element, path, RowFields, errors, "must be a price row: an object") is not { } reader)
        {
            return null;
        }

        // Types here; the rules (ranges, dates, tiers) are PriceRowRules', checked on every field that could be read.
        var range = PriceRowRules.RangeOf(definition);
        var value = reader.Get("value", required: true, range.Rule) is { } v ? Decimal(v, reader.PathOf("value"), range, errors) : null;
        var source = reader.Text("source", required: true);
        var date = reader.Text("date", required: true);
        var note = reader.Text("note");
        var tiers = reader.Get("tiers") is { } t ? ReadTiers(t, reader.PathOf("tiers"), range, errors) : [];
        var valid = (value is null || PriceRowRules.CheckValue(definition, value.Value, reader.PathOf("value"), errors)) &
                    (date is null || PriceRowRules.CheckDate(date, reader.PathOf("date"), errors)) &
                    (tiers is null || PriceRowRules.CheckTiers(definition, tiers, reader.PathOf("tiers"), errors));
        return valid && value is not null && source is not null && date is not null && tiers is not null
            ? new PriceRow(definition.Key, value.Value, source, date, tiers, note)
            : null;
    }

    private static PriceTier[]? ReadTiers(JsonElement element, string path, NumberRange range, ValidationErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.AddShown(path, JsonValueReader.Raw(element), "must be an array of tiers, e.g. [{\"above\": 6000000000, \"value\": 0.000015}]");
            return null;
        }

        var tiers = new List<PriceTier>();
        var ok = true;
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (JsonObjectReader.Open(item, itemPath, TierFields, errors, "must be a tier: an object") is not { } reader)
            {
                ok = false;
                continue;
            }

            var aboveRange = new NumberRange(0, 1e18, MinExclusive: true, Unit: "units per month");
            var above = reader.Get("above", required: true, aboveRange.Rule) is { } a ? Decimal(a, reader.PathOf("above"), aboveRange, errors) : null;
            var value = reader.Get("value", required: true, range.Rule) is { } v ? Decimal(v, reader.PathOf("value"), range, errors) : null;
            if (above is null || value is null)
            {
                ok = false;
                continue;
            }

            tiers.Add(new PriceTier(above.Value, value.Value));
        }

        return ok ? tiers.ToArray() : null;
    }

    // A JSON number as an exact decimal; anything else (a string, 1e400, a number a decimal cannot hold) breaks the range's rule.
    private static decimal? Decimal(JsonElement element, string path, NumberRange range, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var value))
        {
            return value;
        }

        errors.AddShown(path, JsonValueReader.Raw(element), range.Rule);
        return null;
    }
}
