using static ServerlessSim.Cost.BillingMath;

namespace ServerlessSim.Cost;

/// <summary>
/// Google Cloud Run request-based billing: vCPU- and GiB-seconds of billable instance time (an instance starting or
/// holding at least one request, each such stretch rounded up to 100 ms), plus requests; idle minimum instances at
/// the idle rate.
/// </summary>
/// <remarks>
/// Concurrent requests share the instance's billable time: 80 requests of 100 ms in flight together on a 1-vCPU,
/// 1 GiB instance bill 0.1 s x ($0.000024 + $0.0000025) = $0.00000265, not 80 times that. The start-up of an
/// instance is billable and is reported as init; the rest of the billable time as busy compute.
/// </remarks>
internal sealed class CloudRunRequestBasedBilling(BillingOptions options, PriceTable prices) : IBillingPolicy
{
    public BillingOptions Options => options;

    public CostSummary Bill(Usage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var vCpus = (decimal)usage.VCpusPerInstance;
        var gib = usage.MemoryGb;
        var free = options.FreeTier;
        var requests = Charge(
            prices[PriceKeys.CloudRunRequestUsdPerMillion], usage.BilledInvocations / Million, Free(prices, PriceKeys.CloudRunFreeTierRequests, free, Million));

        // One rounding per billable stretch; its start-up share is the (window-clipped) initialising time.
        var billable = Seconds(usage.ActivePeriods.BilledMsPer100Ms);
        var init = Math.Min(billable, (decimal)usage.InitializingInstanceSeconds);
        var busy = billable - init;
        var idleMinInstances = 0m;
        if (usage.Provisioned is { } warm)
        {
            busy += Seconds(warm.ActivePeriods.BilledMsPer100Ms);
            idleMinInstances = Math.Max(0m, (decimal)(warm.InstanceSeconds - warm.ActivePeriods.ExactSeconds));
        }

        var cpu = Split(prices[PriceKeys.CloudRunRequestBasedUsdPerVCpuSecond], Free(prices, PriceKeys.CloudRunRequestBasedFreeTierVCpuSeconds, free), busy * vCpus, init * vCpus);
        var memory = Split(prices[PriceKeys.CloudRunRequestBasedUsdPerGibSecond], Free(prices, PriceKeys.CloudRunRequestBasedFreeTierGibSeconds, free), busy * gib, init * gib);
        var idle = Charge(prices[PriceKeys.CloudRunIdleMinInstanceUsdPerVCpuSecond], idleMinInstances * vCpus) +
                   Charge(prices[PriceKeys.CloudRunIdleMinInstanceUsdPerGibSecond], idleMinInstances * gib);
        return new CostSummary(
            requests, cpu[0] + memory[0], 0m, cpu[1] + memory[1], idle, Queue(usage, prices, free), usage.CompletedRequests, usage.CpuSeconds);
    }
}
