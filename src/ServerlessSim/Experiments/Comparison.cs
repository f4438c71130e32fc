using ServerlessSim.Configuration;

namespace ServerlessSim.Experiments;

/// <summary>Runs every policy of a scenario on the same traffic, the scenario's number of replications, in parallel.</summary>
/// <remarks>The same as <see cref="Experiment.Run(Scenario, ExperimentOptions?, int?, IProgress{ValueTuple{int, int}}?, CancellationToken)"/> with <see cref="ExperimentOptions.Fixed"/>: common random numbers, results independent of the number of threads.</remarks>
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
        CancellationToken cancellationToken = default) =>
        Experiment.Run(scenario, ExperimentOptions.Fixed, maxDegreeOfParallelism, progress, cancellationToken);
}
