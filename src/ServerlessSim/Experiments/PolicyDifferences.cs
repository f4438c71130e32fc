namespace ServerlessSim.Experiments;

/// <summary>One policy against the baseline: for every metric, the paired differences policy - baseline with their own interval.</summary>
/// <remarks>
/// Under common random numbers replication r of both policies saw the same requests, so d_r = x_policy,r - x_baseline,r
/// removes the traffic's noise that the two share; the interval of the mean of d_r (Student t over the pairs) is
/// usually much narrower than the two policies' own intervals. E.g. p99 of 620 ± 2 ms and 625 ± 2 ms overlap, yet
/// differences of 4.6, 5.1, 4.9, 5.3, 5.1 ms give 5.0 ± 0.3 ms: significant.
/// </remarks>
/// <param name="Policy">The policy's name.</param>
/// <param name="Baseline">The baseline's name (the scenario's first policy).</param>
/// <param name="Metrics">One difference per metric both have, in the results document's order.</param>
public sealed record PolicyDifferences(string Policy, string Baseline, IReadOnlyList<PairedDifference> Metrics)
{
    /// <summary>The difference for the metric named <paramref name="metric"/>.</summary>
    /// <exception cref="KeyNotFoundException">No metric of that name.</exception>
    public PairedDifference this[string metric] =>
        Metrics.FirstOrDefault(m => m.Metric == metric) ?? throw new KeyNotFoundException($"No metric named '{metric}'.");

    /// <summary>Every policy after the first of <paramref name="result"/> against the first, over the replications both finished.</summary>
    public static IReadOnlyList<PolicyDifferences> AgainstBaseline(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var differences = new List<PolicyDifferences>();
        if (result.Policies.Count < 2)
        {
            return differences;
        }

        var baseline = result.Policies[0];
        var baselineRuns = baseline.Replications.ToDictionary(r => r.Replication);
        foreach (var policy in result.Policies.Skip(1))
        {
            var pairs = policy.Replications
                .Where(r => baselineRuns.ContainsKey(r.Replication))
                .Select(r => (Policy: r.ToMetrics(), Baseline: baselineRuns[r.Replication].ToMetrics()))
                .ToArray();
            var metrics = new List<PairedDifference>();
            if (pairs.Length > 0)
            {
                // Every run lists the same metrics first; a batching policy's batching.* follow, compared only between batching policies.
                var shared = Math.Min(pairs[0].Policy.Count, pairs[0].Baseline.Count);
                for (var m = 0; m < shared; m++)
                {
                    var name = pairs[0].Policy[m].Name;
                    var aggregated = AggregatedMetric.From(name, pairs.Select(p => p.Policy[m].Value - p.Baseline[m].Value).ToArray());
                    metrics.Add(new PairedDifference(name, aggregated.Mean, aggregated.HalfWidth95, pairs.Length));
                }
            }

            differences.Add(new PolicyDifferences(policy.Options.Name, baseline.Options.Name, metrics));
        }

        return differences;
    }
}
