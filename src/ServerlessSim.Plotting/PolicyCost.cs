namespace ServerlessSim.Plotting;

/// <summary>One bar of a cost chart: a policy's bill split into components.</summary>
/// <param name="Policy">The policy's name (the bar's label).</param>
/// <param name="ComponentsUsd">Each component's cost, in USD (e.g. "requests" -> 0.31, "compute" -> 4.52), stacked in this order.</param>
/// <param name="TotalHalfWidth95Usd">The 95% confidence half-width of the total, in USD, drawn as an error bar; null for none.</param>
public sealed record PolicyCost(string Policy, IReadOnlyDictionary<string, double> ComponentsUsd, double? TotalHalfWidth95Usd = null);
