namespace ServerlessSim.Cost;

/// <summary>A bill, in USD, with its parts.</summary>
/// <param name="TotalUsd">The whole bill.</param>
/// <param name="PerMillionRequestsUsd">The bill per million completed requests.</param>
/// <param name="RequestsUsd">Per-request charges.</param>
/// <param name="ComputeUsd">Compute while running requests (Lambda: billed duration; instance-time: busy and idle time).</param>
/// <param name="InitUsd">Initialisation (cold starts).</param>
public sealed record CostSummary(double TotalUsd, double PerMillionRequestsUsd, double RequestsUsd, double ComputeUsd, double InitUsd)
{
    /// <summary>The bill of several functions: the parts add up, per million over their <paramref name="completedRequests"/> together.</summary>
    public static CostSummary Sum(IReadOnlyList<CostSummary> parts, long completedRequests)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var total = parts.Sum(p => (decimal)p.TotalUsd);
        return new CostSummary(
            (double)total,
            completedRequests == 0 ? 0 : (double)(total / completedRequests * 1_000_000m),
            (double)parts.Sum(p => (decimal)p.RequestsUsd),
            (double)parts.Sum(p => (decimal)p.ComputeUsd),
            (double)parts.Sum(p => (decimal)p.InitUsd));
    }
}
