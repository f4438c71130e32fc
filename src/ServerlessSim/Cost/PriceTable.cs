using ServerlessSim.Configuration;

namespace ServerlessSim.Cost;

/// <summary>Prices and allowances, in USD, each row with where and when it was read. Immutable.</summary>
/// <remarks>
/// <see cref="Default"/> is the file shipped in the library (Cost/prices.json; listed in docs/cost.md). Override
/// rows from a file with <see cref="PriceTableFile.Load(string, PriceTable?)"/> (or a scenario's <c>prices</c>, or
/// the CLI's <c>--prices FILE</c>), or in C# with <see cref="With(PriceRow)"/>. Thread-safe.
/// </remarks>
public sealed class PriceTable
{
    private static readonly Lazy<PriceTable> Embedded = new(PriceTableFile.LoadEmbedded);
    private readonly Dictionary<string, PriceRow> _rows;

    /// <summary>A table of <paramref name="rows"/>: one valid row for every key of <see cref="PriceKeys"/>.</summary>
    internal PriceTable(IEnumerable<PriceRow> rows, string source)
    {
        _rows = rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var missing = PriceKeys.All.Where(d => !_rows.ContainsKey(d.Key)).Select(d => d.Key).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"A price table needs every row; missing: {string.Join(", ", missing)}.", nameof(rows));
        }

        Rows = PriceKeys.All.Select(d => _rows[d.Key]).ToArray();
        Source = source;
    }

    /// <summary>
    /// The prices shipped with the library (embedded Cost/prices.json): AWS us-east-1, Cloud Run Tier 1, Azure East
    /// US, read 2026-11-26. Free tiers are rows too; whether a bill applies them is a billing option.
    /// </summary>
    public static PriceTable Default => Embedded.Value;

    /// <summary>Where the table comes from, e.g. <c>built-in prices.json; 2 rows from my-prices.json</c>.</summary>
    public string Source { get; }

    /// <summary>The date of the most recently read row, yyyy-mm-dd.</summary>
    public string AsOf => Rows.Select(r => r.Date).Max(StringComparer.Ordinal)!;

    /// <summary>Every row, in the order of the price table file.</summary>
    public IReadOnlyList<PriceRow> Rows { get; }

    /// <summary>The row <paramref name="key"/> (a <see cref="PriceKeys"/> constant).</summary>
    /// <exception cref="KeyNotFoundException">No such row.</exception>
    public PriceRow this[string key] =>
        _rows.TryGetValue(key, out var row) ? row : throw new KeyNotFoundException($"No price row '{key}'; see PriceKeys.");

    /// <summary>This table with <paramref name="row"/> in place of the row of the same key.</summary>
    /// <exception cref="ArgumentException">The row breaks a rule (unknown key, negative price, bad date, ...); the message names each.</exception>
    public PriceTable With(PriceRow row) => With([row], "C#");

    /// <summary>This table with <paramref name="rows"/> in place of the rows of the same keys; <paramref name="origin"/> names them in <see cref="Source"/>.</summary>
    internal PriceTable With(IReadOnlyList<PriceRow> rows, string origin)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return this;
        }

        var errors = new ValidationErrors();
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row);
            PriceRowRules.Check(row, row.Key, errors);
        }

        if (errors.Any)
        {
            throw new ArgumentException(string.Join("; ", errors.All), nameof(rows));
        }

        var merged = new Dictionary<string, PriceRow>(_rows, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            merged[row.Key] = row;
        }

        var noun = rows.Count == 1 ? "row" : "rows";
        return new PriceTable(merged.Values, $"{Source}; {rows.Count} {noun} from {origin}");
    }
}
