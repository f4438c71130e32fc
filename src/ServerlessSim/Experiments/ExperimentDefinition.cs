using ServerlessSim.Experiments.Sweeps;

namespace ServerlessSim.Experiments;

/// <summary>A scenario file read with its <c>experiment</c> section: the scenario, how to run it, and an optional sweep and objective.</summary>
/// <param name="Scenario">The validated scenario.</param>
/// <param name="Options">Replications (fixed or to a precision) and warm-up (fixed or MSER-5).</param>
/// <param name="Sweep">The parameters <c>serverless-sim sweep</c> varies; null when the file has none.</param>
/// <param name="Objective">The target a sweep's best point must meet; null when the file has none.</param>
public sealed record ExperimentDefinition(Scenario Scenario, ExperimentOptions Options, SweepSpec? Sweep = null, SweepObjective? Objective = null);
