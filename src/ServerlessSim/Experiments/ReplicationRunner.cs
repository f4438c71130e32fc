using System.Collections.Concurrent;
using ServerlessSim.Reporting;

namespace ServerlessSim.Experiments;

/// <summary>Runs a block of replications of every policy of a validated scenario in parallel.</summary>
/// <remarks>
/// Results are placed by (policy, replication) index, never by finishing order, so a block gives the same results
/// whatever the number of threads. Runs start in replication order (replication 0 of every policy, then 1, ...),
/// one at a time as threads free up, so that a cancelled block has finished a prefix of replications of every
/// policy, give or take the runs under way. Cancellation skips runs not yet started; runs under way stop within
/// 65,536 events.
/// </remarks>
internal static class ReplicationRunner
{
    /// <summary>Replications <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 of every policy.</summary>
    /// <returns>Runs indexed [policy][replication - first], null where a run did not finish; and whether the block was cancelled.</returns>
    public static (RunResult?[][] Runs, bool Cancelled) Run(
        Scenario scenario, int first, int count, int? maxDegreeOfParallelism, Action? onRunFinished, CancellationToken cancellationToken)
    {
        var policies = scenario.Policies.Count;
        var runs = new RunResult?[policies][];
        for (var p = 0; p < policies; p++)
        {
            runs[p] = new RunResult?[count];
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        var cancelled = false;
        try
        {
            // NoBuffering hands out one index at a time, in order; Parallel.For would give each thread a range.
            var order = Partitioner.Create(Enumerable.Range(0, policies * count), EnumerablePartitionerOptions.NoBuffering);
            Parallel.ForEach(order, options, (index, state) =>
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    state.Stop();
                    return;
                }

                var (offset, policy) = (index / policies, index % policies);
                try
                {
                    runs[policy][offset] = ScenarioRunner.RunValidated(scenario, policy, first + offset, cancellationToken);
                    onRunFinished?.Invoke();
                }
                catch (OperationCanceledException)
                {
                    state.Stop();
                }
            });
        }
        catch (OperationCanceledException)
        {
            cancelled = true;
        }
        catch (AggregateException e)
        {
            throw RethrowFirst(e);
        }

        return (runs, cancelled || cancellationToken.IsCancellationRequested);
    }

    /// <summary>
    /// Rethrows the first failure inside a parallel loop as itself, with its stack (a SimulationException names the
    /// time and event; a ScenarioValidationException becomes exit code 2). Never returns; callers write <c>throw</c>.
    /// </summary>
    public static Exception RethrowFirst(AggregateException e)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        return e;
    }
}
