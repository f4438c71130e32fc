using ServerlessSim.Policies;

namespace ServerlessSim.Cost;

/// <summary>Turns a run's <see cref="Usage"/> into a bill under a <see cref="BillingModel"/>.</summary>
/// <remarks>Amounts are computed in decimal and converted once, so a bill of a million requests is exact to the cent.</remarks>
public static class CostModel
{
    /// <summary>The bill for <paramref name="usage"/>.</summary>
    /// <remarks>
    /// Lambda: 1,000,000 requests of 100 ms at 1,024 MB on x86 cost 1e6 x $0.0000002 = $0.20 in requests plus
    /// 1e6 x 0.1 s x 1 GB x $0.0000166667 = $1.66667 in compute. Instance-time: one 1-vCPU, 1 GiB instance for an
    /// hour costs 3,600 x ($0.000018 + $0.000002) = $0.072, busy or idle.
    /// </remarks>
    public static CostSummary Bill(Usage usage, BillingModel model, PriceTable prices, bool lambdaArm = false)
    {
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(prices);
        var gb = (decimal)usage.MemoryMb / 1024m;
        decimal requests, compute, init;
        switch (model)
        {
            case BillingModel.LambdaPerRequest:
                var perGbSecond = lambdaArm ? prices.LambdaArmPerGbSecondUsd : prices.LambdaX86PerGbSecondUsd;
                requests = usage.CompletedRequests * prices.LambdaPerRequestUsd;
                compute = usage.BilledDurationMs / 1000m * gb * perGbSecond;
                init = usage.BilledInitMs / 1000m * gb * perGbSecond;
                break;
            case BillingModel.InstanceTime:
                var perInstanceSecond = ((decimal)usage.VCpusPerInstance * prices.InstancePerVCpuSecondUsd) + (gb * prices.InstancePerGibSecondUsd);
                requests = 0;
                compute = (decimal)(usage.BusyInstanceSeconds + usage.IdleInstanceSeconds) * perInstanceSecond;
                init = (decimal)usage.InitializingInstanceSeconds * perInstanceSecond;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown billing model.");
        }

        var total = requests + compute + init;
        var perMillion = usage.CompletedRequests == 0 ? 0m : total / usage.CompletedRequests * 1_000_000m;
        return new CostSummary((double)total, (double)perMillion, (double)requests, (double)compute, (double)init);
    }
}
