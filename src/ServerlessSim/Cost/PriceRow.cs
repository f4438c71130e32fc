namespace ServerlessSim.Cost;

/// <summary>One row of a <see cref="PriceTable"/>: a price or an allowance, with where and when it was read.</summary>
/// <param name="Key">The row's name, <c>section.row</c>, its unit in the name (e.g. <c>lambda.x86UsdPerGbSecond</c>); see <see cref="PriceKeys"/>.</param>
/// <param name="Value">The value in the unit the key names (USD per GB-second, requests per month, ...).</param>
/// <param name="Source">Where it was read (a URL).</param>
/// <param name="Date">When it was read, <c>yyyy-mm-dd</c>.</param>
/// <param name="Tiers">Lower prices past monthly volume thresholds, by increasing threshold; empty for a flat price.</param>
/// <param name="Note">What the value assumes (region, instance type, ...), or null.</param>
public sealed record PriceRow(string Key, decimal Value, string Source, string Date, IReadOnlyList<PriceTier> Tiers, string? Note = null)
{
    /// <summary>A flat row (no tiers).</summary>
    public PriceRow(string key, decimal value, string source, string date)
        : this(key, value, source, date, [])
    {
    }

    /// <summary>The charge for the units from <paramref name="from"/> to <paramref name="to"/> of a month's cumulative usage.</summary>
    /// <remarks>
    /// Tiers apply by cumulative usage: with $0.0000166667 up to 6 billion GB-s and $0.000015 above, 7 billion GB-s
    /// cost 6e9 x $0.0000166667 + 1e9 x $0.000015. A free allowance F is charged as <c>Charge(F, usage)</c>: the
    /// first F units are free and the rest pay the tier they fall in.
    /// </remarks>
    public decimal Charge(decimal from, decimal to)
    {
        if (to <= from)
        {
            return 0m;
        }

        var charge = 0m;
        var lower = 0m;
        var price = Value;
        foreach (var tier in Tiers)
        {
            charge += price * Overlap(from, to, lower, tier.Above);
            lower = tier.Above;
            price = tier.Value;
        }

        return charge + (price * Overlap(from, to, lower, decimal.MaxValue));
    }

    private static decimal Overlap(decimal from, decimal to, decimal lower, decimal upper) =>
        Math.Max(0m, Math.Min(to, upper) - Math.Max(from, lower));
}

/// <summary>A volume tier: past <paramref name="Above"/> units in a month, each unit costs <paramref name="Value"/>.</summary>
/// <param name="Above">The threshold, in the row's units per month (e.g. 6,000,000,000 GB-seconds).</param>
/// <param name="Value">The price past it, in the row's unit.</param>
public sealed record PriceTier(decimal Above, decimal Value);
