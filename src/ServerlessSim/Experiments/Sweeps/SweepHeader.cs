namespace ServerlessSim.Experiments.Sweeps;

/// <summary>What identifies a sweep in its output, the same in the single-process result and in every part.</summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Parameters">The swept paths, in order.</param>
/// <param name="Mode">Grid or zip.</param>
/// <param name="PointCount">Points in the whole sweep.</param>
/// <param name="Fingerprint">SHA-256 (hex) of the simulator version, the scenario document as run and the parameters: parts of the same sweep have the same.</param>
/// <param name="Objective">The objective to evaluate on the whole result; null for none.</param>
public sealed record SweepHeader(
    string Name, IReadOnlyList<string> Parameters, SweepMode Mode, int PointCount, string Fingerprint, SweepObjective? Objective)
{
    /// <summary>Whether <paramref name="other"/> describes the same sweep (objective aside).</summary>
    public bool SameSweepAs(SweepHeader other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Name == other.Name && Parameters.SequenceEqual(other.Parameters) && Mode == other.Mode &&
               PointCount == other.PointCount && Fingerprint == other.Fingerprint;
    }
}
