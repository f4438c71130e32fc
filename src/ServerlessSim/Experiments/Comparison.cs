using ServerlessSim.Configuration;
using ServerlessSim.Policies.Concurrency;
using ServerlessSim.Reporting;

namespace ServerlessSim.Experiments;

/// <summary>Runs every policy of a scenario on the same traffic, replications in parallel.</summary>
/// <remarks>
/// Common random numbers: replication r of every policy draws arrivals and work from the same substreams, so the
/// policies see identical requests and their differences are not noise of the traffic. Results are placed by
/// (policy, replication) index, so the outcome is the same whatever the number of threads.
/// </remarks>
public static class Comparison
{
    /// <summary>Runs <paramref name="scenario"/>: every policy, every replication.</summary>
    /// <param name="scenario">The scenario (validated here).</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; null for all cores.</param>
    /// <param name="progress">Told each time a run finishes (finished, total).</param>
    /// <param name="cancellationToken">Stops the runs; the replications already finished are returned, marked partial.</param>
    /// <exception cref="ScenarioValidationException">The scenario is invalid; every problem is listed.</exception>
    public static ComparisonResult Run(
        Scenario scenario,
        int? maxDegreeOfParallelism = null,
        IProgress<(int Finished, int Total)>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ScenarioValidator.ThrowIfInvalid(scenario);
        var policies = scenario.Policies.Count;
        var replications = scenario.Replications;
        var runs = new RunResult?[policies * replications];
        var finished = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        var partial = false;
        try
        {
            Parallel.For(0, runs.Length, options, (index, state) =>
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    state.Stop(); // Runs not yet started are skipped; runs under way stop within 65,536 events.
                    return;
                }

                try
                {
                    runs[index] = ScenarioRunner.RunValidated(scenario, index / replications, index % replications, cancellationToken);
                    progress?.Report((Interlocked.Increment(ref finished), runs.Length));
                }
                catch (OperationCanceledException)
                {
                    state.Stop();
                }
            });
        }
        catch (OperationCanceledException)
        {
            partial = true;
        }

        partial |= cancellationToken.IsCancellationRequested;
        var results = new List<PolicyResult>(policies);
        for (var p = 0; p < policies; p++)
        {
            var done = Enumerable.Range(0, replications).Select(r => runs[(p * replications) + r]).OfType<RunResult>().ToArray();
            results.Add(Aggregate(scenario, p, done));
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
