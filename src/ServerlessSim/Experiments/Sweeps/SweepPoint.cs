namespace ServerlessSim.Experiments.Sweeps;

/// <summary>One point of a sweep: its parameter values and the validated experiment they give.</summary>
/// <param name="Index">The point's number (0-based), in the order of <see cref="SweepSpec.Combinations"/>.</param>
/// <param name="Values">Each parameter's value at this point, as JSON text, in the parameters' order.</param>
/// <param name="Definition">The scenario with the values applied, and how to run it.</param>
public sealed record SweepPoint(int Index, IReadOnlyList<string> Values, ExperimentDefinition Definition);
