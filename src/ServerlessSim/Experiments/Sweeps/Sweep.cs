using ServerlessSim.Configuration;

namespace ServerlessSim.Experiments.Sweeps;

/// <summary>Runs a scenario over a grid (or a zip) of parameter values: one <see cref="Experiment"/> per point.</summary>
/// <remarks>
/// Every point is an ordinary experiment with the scenario's seed, so its result is what <c>run</c> would give for
/// a file with those values, and the same whichever process, machine, shard or thread count runs it.
/// </remarks>
public static class Sweep
{
    /// <summary>Builds and validates every point of <paramref name="request"/>.</summary>
    /// <exception cref="ScenarioValidationException">The file, a parameter or a point is invalid; every problem is listed, each naming its parameter or point.</exception>
    public static SweepPlan Plan(SweepRequest request) => SweepPlanner.Plan(request);

    /// <summary>Runs the points of <paramref name="plan"/> (those of <paramref name="shard"/> only, when given).</summary>
    /// <param name="plan">The sweep.</param>
    /// <param name="shard">The slice to run; null for every point.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; null for all cores. The result does not depend on it.</param>
    /// <param name="progress">Told each time a point finishes (finished, points to run).</param>
    /// <param name="cancellationToken">Stops the sweep; finished points (and the finished replications of points under way) are returned, marked partial.</param>
    public static SweepResult Run(
        SweepPlan plan,
        SweepShard? shard = null,
        int? maxDegreeOfParallelism = null,
        IProgress<(int Finished, int Total)>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var points = plan.Points.Where(p => shard?.Contains(p.Index) ?? true).ToArray();
        var results = new SweepPointResult?[points.Length];
        var partial = new bool[points.Length];
        var threads = maxDegreeOfParallelism ?? Environment.ProcessorCount;

        // Points run side by side; with fewer points than threads, each point's replications share the rest.
        var perPoint = Math.Max(1, threads / Math.Max(1, points.Length));
        var finished = 0;
        try
        {
            Parallel.For(0, points.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, (i, state) =>
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    state.Stop();
                    return;
                }

                (results[i], partial[i]) = RunPoint(points[i], perPoint, cancellationToken);
                progress?.Report((Interlocked.Increment(ref finished), points.Length));
            });
        }
        catch (AggregateException e)
        {
            throw ReplicationRunner.RethrowFirst(e);
        }

        var done = results.OfType<SweepPointResult>().ToArray();
        var isPartial = cancellationToken.IsCancellationRequested || partial.Any(p => p) || done.Length < points.Length;
        return new SweepResult(plan.Header, done, isPartial, shard);
    }

    private static (SweepPointResult? Result, bool Partial) RunPoint(SweepPoint point, int threads, CancellationToken cancellationToken)
    {
        var definition = point.Definition;
        var result = Experiment.Run(definition.Scenario, definition.Options, threads, progress: null, cancellationToken);
        var rows = result.Policies
            .SelectMany(p => p.Metrics.Select(m => new SweepRow(p.Options.Name, m.Name, m.Mean, m.HalfWidth95, m.Replications)))
            .ToArray();
        return (rows.Length == 0 ? null : new SweepPointResult(point.Index, point.Values, rows), result.Partial);
    }
}
