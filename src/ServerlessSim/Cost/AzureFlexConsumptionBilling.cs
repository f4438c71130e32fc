using static ServerlessSim.Cost.BillingMath;

namespace ServerlessSim.Cost;

/// <summary>
/// Azure Functions Flex Consumption: GB-seconds of instance memory while an instance executes at least one request
/// (each such stretch at least 1,000 ms, then rounded up to 100 ms), plus executions; always-ready instances pay a
/// baseline for their whole life and a lower rate while executing.
/// </summary>
/// <remarks>
/// A lone 50 ms execution on a 2,048 MB instance bills 1,000 ms: 1 s x 2 GB x $0.000026 = $0.000052, twenty times
/// its duration; sixteen concurrent 50 ms executions on one instance bill that same second once. Initialisation is
/// not billed (the plan bills "while actively executing functions"). The free grant applies to on-demand only.
/// </remarks>
internal sealed class AzureFlexConsumptionBilling(BillingOptions options, PriceTable prices) : IBillingPolicy
{
    public BillingOptions Options => options;

    public CostSummary Bill(Usage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var gb = usage.MemoryGb;
        var free = options.FreeTier;
        var warm = usage.Provisioned;
        var warmExecutions = warm?.Executions.Periods ?? 0;
        var requests =
            Charge(prices[PriceKeys.FlexOnDemandExecutionUsdPerMillion], (usage.BilledInvocations - warmExecutions) / Million, Free(prices, PriceKeys.FlexFreeTierExecutions, free, Million)) +
            Charge(prices[PriceKeys.FlexAlwaysReadyExecutionUsdPerMillion], warmExecutions / Million);
        var busy =
            Charge(prices[PriceKeys.FlexOnDemandUsdPerGbSecond], Seconds(usage.ExecutingPeriods.BilledMsMin1000Per100Ms) * gb, Free(prices, PriceKeys.FlexFreeTierGbSeconds, free)) +
            Charge(prices[PriceKeys.FlexAlwaysReadyExecutionTimeUsdPerGbSecond], Seconds(warm?.ActivePeriods.BilledMsMin1000Per100Ms ?? 0) * gb);
        var baseline = Charge(prices[PriceKeys.FlexAlwaysReadyBaselineUsdPerGbSecond], (decimal)(warm?.InstanceSeconds ?? 0) * gb);
        return new CostSummary(requests, busy, 0m, 0m, baseline, Queue(usage, prices, free), usage.CompletedRequests, usage.CpuSeconds);
    }
}
