using static ServerlessSim.Cost.BillingMath;

namespace ServerlessSim.Cost;

/// <summary>AWS Lambda: requests, plus GB-seconds of each execution and each init rounded up to 1 ms; provisioned concurrency in 5-minute steps.</summary>
/// <remarks>
/// 1,000,000 requests of 100 ms at 1,024 MB on x86: 1e6 x $0.20 / 1e6 = $0.20 for requests plus
/// 1e6 x 0.1 s x 1 GB = 100,000 GB-s x $0.0000166667 = $1.66667 for duration: $1.86667. Init is billed at the
/// duration price (since 2025-08-01 for ZIP packages on managed runtimes too). Tiers apply to the month's
/// GB-seconds. Provisioned concurrency: 10 environments at 1 GB for 61 minutes are billed 65 minutes,
/// 10 x 3,900 s x 1 GB x $0.0000041667, and the requests they serve pay $0.0000097222 per GB-s instead.
/// </remarks>
internal sealed class LambdaPerRequestBilling(BillingOptions options, PriceTable prices) : IBillingPolicy
{
    /// <summary>Provisioned concurrency is billed in steps of five minutes.</summary>
    public const int ProvisionedStepSeconds = 300;

    public BillingOptions Options => options;

    public CostSummary Bill(Usage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var gb = usage.MemoryGb;
        var provisioned = usage.Provisioned;
        var hasProvisioned = provisioned is not null && provisioned.Periods.Count > 0;

        // AWS: "The Lambda free tier does not apply to functions that have Provisioned Concurrency enabled."
        var freeTier = options.FreeTier && !hasProvisioned;
        var requests = Charge(
            prices[PriceKeys.LambdaRequestUsdPerMillion], usage.BilledInvocations / Million, Free(prices, PriceKeys.LambdaFreeTierRequests, freeTier, Million));
        var duration = prices[options.Arm ? PriceKeys.LambdaArmUsdPerGbSecond : PriceKeys.LambdaX86UsdPerGbSecond];
        var onDemand = Split(
            duration,
            Free(prices, PriceKeys.LambdaFreeTierGbSeconds, freeTier),
            Seconds(usage.Executions.BilledMsPer1Ms) * gb,
            Seconds(usage.Inits.BilledMsPer1Ms) * gb);
        decimal provisionedUsd = 0, provisionedDuration = 0;
        if (hasProvisioned)
        {
            var configuredGbSeconds = provisioned!.Periods.Sum(p => p.Instances * RoundUp(p.Seconds, ProvisionedStepSeconds)) * gb;
            provisionedUsd = Charge(
                prices[options.Arm ? PriceKeys.LambdaArmProvisionedConcurrencyUsdPerGbSecond : PriceKeys.LambdaX86ProvisionedConcurrencyUsdPerGbSecond],
                configuredGbSeconds);
            provisionedDuration = Charge(
                prices[options.Arm ? PriceKeys.LambdaArmProvisionedDurationUsdPerGbSecond : PriceKeys.LambdaX86ProvisionedDurationUsdPerGbSecond],
                Seconds(provisioned.Executions.BilledMsPer1Ms) * gb);
        }

        return new CostSummary(
            requests, onDemand[0] + provisionedDuration, 0m, onDemand[1], provisionedUsd, Queue(usage, prices, options.FreeTier),
            usage.CompletedRequests, usage.CpuSeconds);
    }
}
