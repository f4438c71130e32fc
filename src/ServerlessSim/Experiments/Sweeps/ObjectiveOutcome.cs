namespace ServerlessSim.Experiments.Sweeps;

/// <summary>Every candidate of a sweep judged against an objective, and the cheapest that meets it.</summary>
/// <param name="Objective">The objective.</param>
/// <param name="Candidates">Each policy at each point, in point then policy order.</param>
/// <param name="Choice">The candidate with the lowest mean cost per million requests among those whose means meet every target (the first on ties); null when none does.</param>
public sealed record ObjectiveOutcome(SweepObjective Objective, IReadOnlyList<ObjectiveCandidate> Candidates, ObjectiveCandidate? Choice)
{
    /// <summary>Judges every candidate of <paramref name="result"/> against <paramref name="objective"/>.</summary>
    /// <remarks>
    /// The decision uses the means, as a point estimate of each setting; whether the upper ends of the 95% intervals
    /// also meet the targets is reported alongside. E.g. p99 770 ± 40 ms against 800 ms: the mean meets it, the upper
    /// end (810 ms) does not, so more replications (or a margin) would settle it.
    /// </remarks>
    public static ObjectiveOutcome Evaluate(SweepResult result, SweepObjective objective)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(objective);
        var candidates = new List<ObjectiveCandidate>();
        foreach (var point in result.Points)
        {
            foreach (var policy in point.Rows.Select(r => r.Policy).Distinct())
            {
                if ((objective.Policy is { } only && only != policy) ||
                    point.Find(policy, SweepObjective.CostMetric) is not { } cost ||
                    point.Find(policy, SweepObjective.LatencyMetric) is not { } p99 ||
                    point.Find(policy, SweepObjective.ThrottleMetric) is not { } throttle)
                {
                    continue;
                }

                var meets = Within(p99.Mean, objective.MaxP99Ms) && Within(throttle.Mean, objective.MaxThrottleRatio);
                bool? upperMeets = p99.Upper95 is { } p99Upper && throttle.Upper95 is { } throttleUpper
                    ? Within(p99Upper, objective.MaxP99Ms) && Within(throttleUpper, objective.MaxThrottleRatio)
                    : null;
                candidates.Add(new ObjectiveCandidate(point.Index, point.Values, policy, cost, p99, throttle, meets, upperMeets));
            }
        }

        ObjectiveCandidate? choice = null;
        foreach (var candidate in candidates.Where(c => c.MeetsTargets))
        {
            if (choice is null || candidate.Cost.Mean < choice.Cost.Mean)
            {
                choice = candidate;
            }
        }

        return new ObjectiveOutcome(objective, candidates, choice);
    }

    private static bool Within(double value, double? max) => max is not { } m || value <= m;
}
