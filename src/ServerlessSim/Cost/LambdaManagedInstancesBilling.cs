using static ServerlessSim.Cost.BillingMath;

namespace ServerlessSim.Cost;

/// <summary>
/// AWS Lambda Managed Instances: each execution environment pays, for its whole life, its share of an EC2 instance's
/// on-demand price plus the management fee; plus requests. No free tier.
/// </summary>
/// <remarks>
/// An environment's share is the larger of its vCPU and memory fractions of the instance: 1 vCPU and 1 GiB on an
/// m7g.large (2 vCPU, 8 GiB, $0.0816 an hour) is half of it, $0.0408 an hour, x 1.15 with the 15% fee =
/// $0.04692 an hour. EC2 bills per second, so no rounding is applied; packing environments onto whole instances
/// (and the instances AWS keeps for availability) is not modelled.
/// </remarks>
internal sealed class LambdaManagedInstancesBilling(BillingOptions options, PriceTable prices) : IBillingPolicy
{
    public BillingOptions Options => options;

    public CostSummary Bill(Usage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var share = Math.Max(
            (decimal)usage.VCpusPerInstance / prices[PriceKeys.ManagedInstancesInstanceVCpus].Value,
            usage.MemoryGb / prices[PriceKeys.ManagedInstancesInstanceMemoryGib].Value);
        var hourly = prices[PriceKeys.ManagedInstancesInstanceUsdPerHour];
        var fee = 1m + prices[PriceKeys.ManagedInstancesManagementFeeFraction].Value;

        // Environment-hours priced at the instance row (its tiers, if a user gives some), then scaled by the share and the fee.
        decimal Cost(double environmentSeconds) => Charge(hourly, (decimal)environmentSeconds / 3600m) * share * fee;

        var requests = Charge(prices[PriceKeys.ManagedInstancesRequestUsdPerMillion], usage.BilledInvocations / Million);
        return new CostSummary(
            requests,
            Cost(usage.BusyInstanceSeconds),
            Cost(usage.IdleInstanceSeconds),
            Cost(usage.InitializingInstanceSeconds),
            Cost(usage.Provisioned?.InstanceSeconds ?? 0),
            Queue(usage, prices, options.FreeTier),
            usage.CompletedRequests,
            usage.CpuSeconds);
    }
}
