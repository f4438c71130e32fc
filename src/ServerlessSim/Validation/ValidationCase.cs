using ServerlessSim.Experiments;
using ServerlessSim.Reporting;

namespace ServerlessSim.Validation;

/// <summary>One known-answer check: a scenario, the metric to measure on each replication, and the theory value.</summary>
/// <param name="Oracle">The family of the check (e.g. <c>Erlang-B</c>); see <see cref="Oracles"/> for what each assumes.</param>
/// <param name="Name">The case, with its parameters (e.g. <c>c=100 a=200 lognormal</c>).</param>
/// <param name="Metric">What is measured, with its unit (e.g. <c>throttle ratio</c>).</param>
/// <param name="Scenario">The scenario; its replications give the confidence interval (one policy).</param>
/// <param name="Measure">The metric of one replication.</param>
/// <param name="Theory">The value theory predicts.</param>
/// <param name="MaxRelativeHalfWidth">
/// The precision the case must reach: the 95% half-width over the theory value must not exceed it, so a pass
/// means something (a loose interval would pass anything). Checks whose theory is below
/// <see cref="ValidationRunner.NegligibleTheory"/> use the absolute resolution instead.
/// </param>
/// <param name="Quick">Whether the case is in the quick subset (<c>validate --quick</c>, run by CI).</param>
/// <param name="PhaseLocked">
/// Whether the run never forgets its start (constant service in a saturated loss system repeats its completion
/// pattern every service time), so its Little's-law check uses the exact edge bound rather than an interval.
/// </param>
/// <param name="Deterministic">
/// Whether every replication is the same run (constant arrivals and work), so each must give the theory value itself,
/// within <see cref="ValidationRunner.DeterministicRelativeTolerance"/>, rather than an interval containing it.
/// </param>
/// <param name="CheckLittlesLaw">
/// Whether the case also gets a Little's-law check. Off where the law, as checked on completed requests' latency, does
/// not apply: requests that spend time waiting and then fail or are dropped, or a ramp that never becomes stationary.
/// </param>
public sealed record ValidationCase(
    string Oracle,
    string Name,
    string Metric,
    Scenario Scenario,
    Func<RunResult, double> Measure,
    double Theory,
    double MaxRelativeHalfWidth,
    bool Quick,
    bool PhaseLocked = false,
    bool Deterministic = false,
    bool CheckLittlesLaw = true);
