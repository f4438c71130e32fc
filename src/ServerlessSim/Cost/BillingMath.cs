namespace ServerlessSim.Cost;

/// <summary>The arithmetic the billing models share: free allowances, tiers split over a bill's parts, fixed steps.</summary>
internal static class BillingMath
{
    // 300 s computed as 300.0000000001 s must stay one 5-minute step.
    private const double StepAllowanceSeconds = 1e-9;

    /// <summary>One million, the unit of per-request prices.</summary>
    public const decimal Million = 1_000_000m;

    /// <summary>
    /// The charge for <paramref name="parts"/> of one metered quantity at <paramref name="price"/>, the first
    /// <paramref name="free"/> units free, split between the parts in proportion to their size; the splits add up
    /// to the charge exactly.
    /// </summary>
    /// <remarks>E.g. 300,000 busy and 200,000 init GB-s with 400,000 free: 100,000 GB-s are charged, 60,000 to busy and 40,000 to init.</remarks>
    public static decimal[] Split(PriceRow price, decimal free, params decimal[] parts)
    {
        if (free == 0 && price.Tiers.Count == 0)
        {
            return parts.Select(part => price.Value * part).ToArray(); // A flat price needs no split: each part at the price, exactly.
        }

        var quantity = parts.Sum();
        var charge = price.Charge(free, Math.Max(free, quantity));
        var split = new decimal[parts.Length];
        var assigned = 0m;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            split[i] = quantity == 0 ? 0 : charge * parts[i] / quantity;
            assigned += split[i];
        }

        split[^1] = charge - assigned;
        return split;
    }

    /// <summary>The charge for <paramref name="quantity"/> units at <paramref name="price"/>, the first <paramref name="free"/> free.</summary>
    public static decimal Charge(PriceRow price, decimal quantity, decimal free = 0) => Split(price, free, quantity)[0];

    /// <summary>The free allowance of row <paramref name="key"/> when <paramref name="apply"/>, else 0; per-million rows divide by a million.</summary>
    public static decimal Free(PriceTable prices, string key, bool apply, decimal unit = 1m) => apply ? prices[key].Value / unit : 0m;

    /// <summary><paramref name="seconds"/> rounded up to whole <paramref name="stepSeconds"/> (provisioned concurrency: 300 s).</summary>
    public static decimal RoundUp(double seconds, int stepSeconds) =>
        (decimal)Math.Ceiling(Math.Max(0, (seconds / stepSeconds) - StepAllowanceSeconds)) * stepSeconds;

    /// <summary>Queue requests at SQS prices; the free tier when <paramref name="freeTier"/>.</summary>
    public static decimal Queue(Usage usage, PriceTable prices, bool freeTier) =>
        Charge(prices[PriceKeys.SqsRequestUsdPerMillion], usage.QueueRequests / Million, Free(prices, PriceKeys.SqsFreeTierRequests, freeTier, Million));

    /// <summary>Milliseconds as seconds, exactly.</summary>
    public static decimal Seconds(long milliseconds) => milliseconds / 1000m;
}
