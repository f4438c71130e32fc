namespace ServerlessSim.Experiments.Sweeps;

/// <summary>One policy at one sweep point, judged against a <see cref="SweepObjective"/>.</summary>
/// <param name="Point">The point's number.</param>
/// <param name="Values">The point's parameter values, as JSON text.</param>
/// <param name="Policy">The policy's name.</param>
/// <param name="Cost">Cost per million requests, USD.</param>
/// <param name="P99">p99 latency, ms.</param>
/// <param name="Throttle">Throttle ratio (a fraction).</param>
/// <param name="MeetsTargets">Whether the means meet every target.</param>
/// <param name="UpperBoundsMeetTargets">Whether the upper ends of the 95% intervals meet them too (a safer reading); null with one replication.</param>
public sealed record ObjectiveCandidate(
    int Point,
    IReadOnlyList<string> Values,
    string Policy,
    SweepRow Cost,
    SweepRow P99,
    SweepRow Throttle,
    bool MeetsTargets,
    bool? UpperBoundsMeetTargets);
