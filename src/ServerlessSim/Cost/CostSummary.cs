namespace ServerlessSim.Cost;

/// <summary>A bill, in USD, with its parts and what it comes to per request and per unit of useful work.</summary>
/// <param name="RequestsUsd">Per-request (per-execution) charges.</param>
/// <param name="ComputeBusyUsd">Compute while instances serve requests (Lambda: billed duration, IO wait included).</param>
/// <param name="ComputeIdleUsd">Compute while instances are ready but serve nothing (instance-time billing only).</param>
/// <param name="InitUsd">Compute while instances initialise (cold starts).</param>
/// <param name="ProvisionedUsd">Capacity kept warm by configuration (provisioned concurrency, idle minimum instances, always-ready baselines).</param>
/// <param name="QueueUsd">Queue (SQS) requests.</param>
/// <param name="CompletedRequests">The requests billed.</param>
/// <param name="CpuSeconds">CPU-seconds the requests demanded: the useful work.</param>
public sealed record CostSummary(
    decimal RequestsUsd,
    decimal ComputeBusyUsd,
    decimal ComputeIdleUsd,
    decimal InitUsd,
    decimal ProvisionedUsd,
    decimal QueueUsd,
    long CompletedRequests,
    double CpuSeconds)
{
    /// <summary>The bill of several functions (an account): the parts, requests and CPU-seconds add up.</summary>
    /// <remarks>Volume tiers apply per function's usage here, not to the account's total: with tiers, slightly high.</remarks>
    public static CostSummary Sum(IReadOnlyList<CostSummary> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return new CostSummary(
            parts.Sum(p => p.RequestsUsd),
            parts.Sum(p => p.ComputeBusyUsd),
            parts.Sum(p => p.ComputeIdleUsd),
            parts.Sum(p => p.InitUsd),
            parts.Sum(p => p.ProvisionedUsd),
            parts.Sum(p => p.QueueUsd),
            parts.Sum(p => p.CompletedRequests),
            parts.Sum(p => p.CpuSeconds));
    }

    /// <summary>The whole bill: the sum of the parts.</summary>
    public decimal TotalUsd => RequestsUsd + ComputeUsd + InitUsd + ProvisionedUsd + QueueUsd;

    /// <summary>Compute, busy and idle.</summary>
    public decimal ComputeUsd => ComputeBusyUsd + ComputeIdleUsd;

    /// <summary>The bill per million completed requests (0 with none).</summary>
    public decimal PerMillionRequestsUsd => CompletedRequests == 0 ? 0m : TotalUsd * 1_000_000m / CompletedRequests;

    /// <summary>
    /// The bill per CPU-second of useful work (0 with none). Compared with the price of a vCPU-second (Cloud Run:
    /// $0.000024) it shows what IO wait and idle capacity cost: a request with 10 ms of CPU and 150 ms of IO wait
    /// billed per duration pays for 160 ms to get 10.
    /// </summary>
    public decimal PerCpuSecondUsd => CpuSeconds <= 0 ? 0m : TotalUsd / (decimal)CpuSeconds;
}
