using static ServerlessSim.Cost.BillingMath;

namespace ServerlessSim.Cost;

/// <summary>Google Cloud Run instance-based billing: vCPU- and GiB-seconds of each instance's whole life (rounded up to 100 ms), busy or idle; no per-request charge.</summary>
/// <remarks>
/// One 1-vCPU, 1 GiB instance for an hour costs 3,600 x ($0.000018 + $0.000002) = $0.072 whether it serves one
/// request or a million. The life is split into busy, idle and init by the time spent in each state; the rounding
/// of each life to 100 ms is counted as idle.
/// </remarks>
internal sealed class CloudRunInstanceBasedBilling(BillingOptions options, PriceTable prices) : IBillingPolicy
{
    public BillingOptions Options => options;

    public CostSummary Bill(Usage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var vCpus = (decimal)usage.VCpusPerInstance;
        var gib = usage.MemoryGb;
        var free = options.FreeTier;
        var life = Seconds(usage.Lifetimes.BilledMsPer100Ms);
        var busy = (decimal)usage.BusyInstanceSeconds;
        var init = (decimal)usage.InitializingInstanceSeconds;
        var idle = Math.Max(0m, life - busy - init);
        var warm = (decimal)(usage.Provisioned?.InstanceSeconds ?? 0);
        var cpu = Split(
            prices[PriceKeys.CloudRunInstanceBasedUsdPerVCpuSecond], Free(prices, PriceKeys.CloudRunInstanceBasedFreeTierVCpuSeconds, free),
            busy * vCpus, idle * vCpus, init * vCpus, warm * vCpus);
        var memory = Split(
            prices[PriceKeys.CloudRunInstanceBasedUsdPerGibSecond], Free(prices, PriceKeys.CloudRunInstanceBasedFreeTierGibSeconds, free),
            busy * gib, idle * gib, init * gib, warm * gib);
        return new CostSummary(
            0m, cpu[0] + memory[0], cpu[1] + memory[1], cpu[2] + memory[2], cpu[3] + memory[3], Queue(usage, prices, free),
            usage.CompletedRequests, usage.CpuSeconds);
    }
}
