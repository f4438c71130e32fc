namespace ServerlessSim.Experiments;

/// <summary>The policies of a scenario compared on the same traffic.</summary>
/// <param name="Scenario">The scenario run (its replications and warm-up as run).</param>
/// <param name="Policies">One result per policy, in the scenario's order (the first is the baseline of ratios and differences).</param>
/// <param name="Partial">True when the run was cancelled: each policy holds only the replications that finished.</param>
public sealed record ComparisonResult(Scenario Scenario, IReadOnlyList<PolicyResult> Policies, bool Partial)
{
    /// <summary>The warm-up detected by MSER-5; null when the scenario's fixed warm-up was used.</summary>
    public WarmUpDetection? WarmUpDetection { get; init; }

    /// <summary>How a run-until-precision experiment ended; null for a fixed number of replications.</summary>
    public PrecisionOutcome? Precision { get; init; }

    /// <summary>Every policy after the first against the first (the baseline), paired by replication.</summary>
    public IReadOnlyList<PolicyDifferences> Differences => PolicyDifferences.AgainstBaseline(this);

    /// <summary>The result of the policy named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No policy of that name.</exception>
    public PolicyResult this[string name] =>
        Policies.FirstOrDefault(p => p.Options.Name == name) ?? throw new KeyNotFoundException($"No policy named '{name}'.");
}
