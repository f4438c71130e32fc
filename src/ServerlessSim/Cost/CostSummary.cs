namespace ServerlessSim.Cost;

/// <summary>A bill, in USD, with its parts.</summary>
/// <param name="TotalUsd">The whole bill.</param>
/// <param name="PerMillionRequestsUsd">The bill per million completed requests.</param>
/// <param name="RequestsUsd">Per-request charges.</param>
/// <param name="ComputeUsd">Compute while running requests (Lambda: billed duration; instance-time: busy and idle time).</param>
/// <param name="InitUsd">Initialisation (cold starts).</param>
public sealed record CostSummary(double TotalUsd, double PerMillionRequestsUsd, double RequestsUsd, double ComputeUsd, double InitUsd);
