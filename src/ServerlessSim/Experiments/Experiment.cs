using ServerlessSim.Configuration;
using ServerlessSim.Engine;
using ServerlessSim.Policies.Concurrency;
using ServerlessSim.Reporting;

namespace ServerlessSim.Experiments;

/// <summary>Runs every policy of a scenario on the same traffic, a fixed number of replications or until a precision target.</summary>
/// <remarks>
/// Replication r of every policy draws arrivals and work from substreams derived from (seed, r), so the policies
/// see identical requests (common random numbers) and replications are independent of one another. Replications run
/// in parallel in blocks whose sizes depend only on the options, and results are placed by (policy, replication),
/// so the result is the same whatever the number of threads. With <see cref="WarmUpMethod.Mser5"/>, pilot runs of
/// the first replications (at most 5 per policy) decide the warm-up first (<see cref="WarmUpDetection"/>).
/// </remarks>
public static class Experiment
{
    /// <summary>Runs a scenario file's scenario as its <c>experiment</c> section says (e.g. <c>Experiment.Run(ExperimentFile.Load(path))</c>).</summary>
    /// <inheritdoc cref="Run(Scenario, ExperimentOptions?, int?, IProgress{ValueTuple{int, int}}?, CancellationToken)"/>
    public static ComparisonResult Run(
        ExperimentDefinition definition,
        int? maxDegreeOfParallelism = null,
        IProgress<(int Finished, int Total)>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Run(definition.Scenario, definition.Options, maxDegreeOfParallelism, progress, cancellationToken);
    }

    /// <summary>Runs <paramref name="scenario"/> as <paramref name="options"/> say.</summary>
    /// <param name="scenario">The scenario (validated here).</param>
    /// <param name="options">Replications and warm-up; null for <see cref="ExperimentOptions.Fixed"/>.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; null for all cores. The result does not depend on it.</param>
    /// <param name="progress">Told each time a run finishes (finished, runs planned so far).</param>
    /// <param name="cancellationToken">
    /// Stops the runs; the first replications that every policy finished are returned, marked partial, with the
    /// scenario's count set to them, so that a run with that count and the same seed gives the same numbers.
    /// </param>
    /// <returns>One result per policy; the scenario in it carries the replications run and the warm-up applied.</returns>
    /// <exception cref="ScenarioValidationException">The scenario or the options are invalid, or the precision metric is unknown; every problem is listed.</exception>
    public static ComparisonResult Run(
        Scenario scenario,
        ExperimentOptions? options = null,
        int? maxDegreeOfParallelism = null,
        IProgress<(int Finished, int Total)>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= ExperimentOptions.Fixed;
        var errors = ScenarioValidator.Validate(scenario).Concat(options.Validate(scenario)).ToArray();
        if (errors.Length > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        var policies = scenario.Policies.Count;
        var precision = options.Precision;
        var firstBlock = precision?.MinReplications ?? scenario.Replications;
        var finished = 0;
        var planned = 0;
        void OnRunFinished() => progress?.Report((Interlocked.Increment(ref finished), Volatile.Read(ref planned)));

        WarmUpDetection? detection = null;
        if (options.WarmUp == WarmUpMethod.Mser5)
        {
            var pilotCount = Math.Min(firstBlock, WarmUpDetector.MaxPilotReplications);
            planned = policies * pilotCount;
            var (pilots, pilotCancelled) = ReplicationRunner.Run(
                scenario with { WarmUp = SimDuration.Zero }, 0, pilotCount, maxDegreeOfParallelism, OnRunFinished, cancellationToken);
            if (pilotCancelled)
            {
                return Assemble(scenario with { Replications = 0 }, Enumerable.Range(0, policies).Select(_ => new List<RunResult>()).ToArray(), partial: true);
            }

            detection = WarmUpDetector.Detect(scenario, pilots);
            scenario = scenario with { WarmUp = detection.WarmUp };
        }

        var runs = Enumerable.Range(0, policies).Select(_ => new List<RunResult>()).ToArray();
        var replications = 0;
        var block = firstBlock;
        var partial = false;
        bool? met = null;
        while (block > 0)
        {
            Interlocked.Add(ref planned, policies * block);
            var (blockRuns, cancelled) = ReplicationRunner.Run(scenario, replications, block, maxDegreeOfParallelism, OnRunFinished, cancellationToken);
            if (cancelled)
            {
                // Only the replications every policy finished, from the first on: the numbers a run with that many
                // replications and the same seed gives, and still paired replication by replication.
                var finishedByAll = Enumerable.Range(0, block).TakeWhile(r => blockRuns.All(policyRuns => policyRuns[r] is not null)).Count();
                for (var p = 0; p < policies; p++)
                {
                    runs[p].AddRange(blockRuns[p].Take(finishedByAll).Select(r => r!));
                }

                replications += finishedByAll;
                partial = true;
                break;
            }

            for (var p = 0; p < policies; p++)
            {
                runs[p].AddRange(blockRuns[p].OfType<RunResult>());
            }

            replications += block;

            if (precision is null)
            {
                break;
            }

            met = MeetsTarget(precision, runs);
            block = met.Value ? 0 : Math.Min(precision.EffectiveBatchReplications, precision.MaxReplications - replications);
        }

        var result = Assemble(scenario with { Replications = replications }, runs, partial);
        return result with
        {
            WarmUpDetection = detection,
            Precision = precision is null ? null : new PrecisionOutcome(precision, met == true),
        };
    }

    private static bool MeetsTarget(PrecisionTarget precision, IReadOnlyList<List<RunResult>> runs)
    {
        foreach (var policyRuns in runs)
        {
            var values = policyRuns.Select(r => MetricValue(r, precision.Metric)).ToArray();
            if (!precision.IsMetBy(AggregatedMetric.From(precision.Metric, values)))
            {
                return false;
            }
        }

        return true;
    }

    private static double MetricValue(RunResult run, string metric)
    {
        foreach (var (name, value) in run.ToMetrics())
        {
            if (name == metric)
            {
                return value;
            }
        }

        // The metric names live with RunResult; an unknown one is found on the first block's results.
        throw new ScenarioValidationException(
        [
            new ValidationError("experiment.precision.metric", ValidationErrors.Show(metric),
                "must be a metric of the results document: " + string.Join(", ", run.ToMetrics().Select(m => m.Name))),
        ]);
    }

    private static ComparisonResult Assemble(Scenario scenario, IReadOnlyList<List<RunResult>> runs, bool partial)
    {
        var results = new List<PolicyResult>(runs.Count);
        for (var p = 0; p < runs.Count; p++)
        {
            results.Add(Aggregate(scenario, p, runs[p]));
        }

        return new ComparisonResult(scenario, results, partial);
    }

    private static PolicyResult Aggregate(Scenario scenario, int policyIndex, IReadOnlyList<RunResult> runs)
    {
        var options = scenario.Policies[policyIndex];
        var concurrency = ConcurrencyPolicies.Create(options.Concurrency);
        var functions = new List<FunctionResult>();
        if (scenario.Functions.Count > 1)
        {
            for (var f = 0; f < scenario.Functions.Count; f++)
            {
                var function = scenario.Functions[f];
                functions.Add(new FunctionResult(
                    function.Name,
                    concurrency.VCpusPerInstance(function.MemoryMb),
                    AggregateMetrics(runs.Select(r => r.FunctionResults[f]).ToArray())));
            }
        }

        return new PolicyResult(
            options,
            concurrency.MaxConcurrentPerInstance,
            concurrency.VCpusPerInstance(scenario.Functions[0].MemoryMb),
            runs,
            AggregateMetrics(runs),
            functions);
    }

    private static List<AggregatedMetric> AggregateMetrics(IReadOnlyList<RunResult> runs)
    {
        var metrics = new List<AggregatedMetric>();
        if (runs.Count > 0)
        {
            var perRun = runs.Select(r => r.ToMetrics()).ToArray();
            for (var m = 0; m < perRun[0].Count; m++)
            {
                metrics.Add(AggregatedMetric.From(perRun[0][m].Name, perRun.Select(r => r[m].Value).ToArray()));
            }
        }

        return metrics;
    }
}
