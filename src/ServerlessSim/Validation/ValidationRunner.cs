using ServerlessSim.Experiments;

namespace ServerlessSim.Validation;

/// <summary>Runs known-answer cases and decides each one.</summary>
/// <remarks>
/// A case passes when the theory value lies within the 99.9% Student-t confidence interval of the simulated mean
/// (at that level a correct simulator fails a given case by chance once in a thousand, and the seeds are fixed, so
/// the verdict is reproducible), and the 95% interval is at least as tight as the case states. The tolerance is
/// never widened by hand; for a near-zero theory (a loss probability of 1e-30, say) it is the sample's resolution,
/// one request in all replications' requests.
/// </remarks>
public static class ValidationRunner
{
    /// <summary>Below this, a theory value is compared by absolute resolution rather than relative precision.</summary>
    public const double NegligibleTheory = 1e-6;

    /// <summary>The confidence level of the pass/fail decision.</summary>
    public const double DecisionConfidence = 0.999;

    /// <summary>
    /// How far a deterministic case may be from its theory, relative to it: a billionth, the resolution of
    /// instance-seconds summed in floating point over millions of events (a thousandth of a cent on a $10,000 bill).
    /// </summary>
    public const double DeterministicRelativeTolerance = 1e-9;

    /// <summary>Runs <paramref name="cases"/> in order (each case's replications in parallel) and reports each, followed by its Little's-law check.</summary>
    /// <param name="cases">The cases.</param>
    /// <param name="maxDegreeOfParallelism">Threads for replications; null for all cores. Results do not depend on it.</param>
    /// <param name="onResult">Told each result as soon as it is known.</param>
    /// <param name="cancellationToken">Stops between cases; the results so far are returned.</param>
    public static IReadOnlyList<ValidationResult> Run(
        IEnumerable<ValidationCase> cases,
        int? maxDegreeOfParallelism = null,
        Action<ValidationResult>? onResult = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var results = new List<ValidationResult>();
        foreach (var validationCase in cases)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var comparison = Comparison.Run(validationCase.Scenario, maxDegreeOfParallelism, cancellationToken: cancellationToken);
            if (comparison.Partial)
            {
                break;
            }

            var runs = comparison.Policies[0].Replications;
            var requests = runs.Average(r => (double)r.Requests);
            var decided = Decide(validationCase, runs.Select(validationCase.Measure).ToArray(), requests);
            foreach (var result in validationCase.CheckLittlesLaw ? [decided, LittlesLaw(validationCase, runs, requests)] : new[] { decided })
            {
                results.Add(result);
                onResult?.Invoke(result);
            }
        }

        return results;
    }

    /// <summary>Little's law on the same replications: mean in flight - throughput x mean latency, whose theory is 0.</summary>
    /// <remarks>
    /// Edge effects (requests straddling the warm-up and the horizon) cancel in expectation in a stationary run, so
    /// the interval of the mean difference must contain 0; no extra simulation is needed.
    /// </remarks>
    private static ValidationResult LittlesLaw(ValidationCase validationCase, IReadOnlyList<Reporting.RunResult> runs, double requests)
    {
        var window = validationCase.Scenario.Horizon.Seconds - validationCase.Scenario.WarmUp.Seconds;
        var check = validationCase with
        {
            Oracle = LittlesLawOracle,
            Metric = "in flight - throughput x latency (requests)",
            Theory = 0,
            MaxRelativeHalfWidth = 0,
        };
        var differences = runs.Select(r => r.InFlightMean - (r.Completed / window * r.LatencyMs.Mean / 1000)).ToArray();
        if (!validationCase.PhaseLocked)
        {
            return Decide(check, differences, requests);
        }

        // Exactly, L x T and the sum of counted latencies differ only by requests in flight at the window's two
        // edges, each edge holding at most max-in-flight requests for at most the max latency: per replication,
        // |L - X W| <= 2 x inFlight.max x latency.max / T. A bound, not a statistical interval.
        var bounds = runs.Select(r => 2 * r.InFlightMax * (r.LatencyMs.Max / 1000) / window).ToArray();
        var at95 = Experiments.AggregatedMetric.From(check.Metric, differences);
        var worst = differences.Select((d, i) => Math.Abs(d) - bounds[i]).Max();
        var passed = worst <= 0;
        return new ValidationResult(
            check.Oracle, check.Name + " (edge bound)", check.Metric, 0, at95.Mean, at95.HalfWidth95 ?? 0, bounds.Min(), runs.Count, requests, passed,
            passed ? string.Empty : FormattableString.Invariant($"a replication exceeds its edge bound by {worst:G4}"));
    }

    /// <summary>The oracle name of the Little's-law check every case also gets.</summary>
    public const string LittlesLawOracle = "Little's law";

    /// <summary>The verdict for <paramref name="values"/> (one per replication) against the case's theory.</summary>
    public static ValidationResult Decide(ValidationCase validationCase, IReadOnlyList<double> values, double requestsPerReplication)
    {
        ArgumentNullException.ThrowIfNull(validationCase);
        if (validationCase.Deterministic)
        {
            return DecideDeterministic(validationCase, values, requestsPerReplication);
        }

        var at95 = AggregatedMetric.From(validationCase.Metric, values);
        var at999 = AggregatedMetric.From(validationCase.Metric, values, DecisionConfidence);
        var resolution = 1.0 / Math.Max(1.0, requestsPerReplication * values.Count);
        var tolerance = Math.Max(at999.HalfWidth95 ?? 0, validationCase.Theory < NegligibleTheory ? resolution : 0);
        var halfWidth = at95.HalfWidth95 ?? double.PositiveInfinity;
        var theory = validationCase.Theory;
        string reason;
        if (double.IsNaN(at95.Mean) || Math.Abs(at95.Mean - theory) > tolerance)
        {
            reason = FormattableString.Invariant($"|mean - theory| = {Math.Abs(at95.Mean - theory):G4} exceeds the tolerance {tolerance:G4}");
        }
        else if (theory >= NegligibleTheory && halfWidth / theory > validationCase.MaxRelativeHalfWidth)
        {
            reason = FormattableString.Invariant(
                $"the 95% half-width is {halfWidth / theory:P2} of the theory, above the {validationCase.MaxRelativeHalfWidth:P2} the case requires");
        }
        else
        {
            reason = string.Empty;
        }

        return new ValidationResult(
            validationCase.Oracle, validationCase.Name, validationCase.Metric, theory, at95.Mean, at95.HalfWidth95 ?? 0, tolerance,
            values.Count, requestsPerReplication, reason.Length == 0, reason);
    }

    // Every replication is the same run, so each value must be the theory's, not merely their interval.
    private static ValidationResult DecideDeterministic(ValidationCase validationCase, IReadOnlyList<double> values, double requestsPerReplication)
    {
        var theory = validationCase.Theory;
        var tolerance = Math.Abs(theory) * DeterministicRelativeTolerance;
        var worst = values.Select(v => double.IsNaN(v) ? double.PositiveInfinity : Math.Abs(v - theory)).Max();
        var at95 = AggregatedMetric.From(validationCase.Metric, values);
        var reason = worst <= tolerance
            ? string.Empty
            : FormattableString.Invariant($"a replication is {worst:G6} from the theory, beyond the tolerance {tolerance:G4}");
        return new ValidationResult(
            validationCase.Oracle, validationCase.Name, validationCase.Metric, theory, at95.Mean, at95.HalfWidth95 ?? 0, tolerance,
            values.Count, requestsPerReplication, reason.Length == 0, reason);
    }
}
