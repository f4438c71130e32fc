namespace ServerlessSim.Experiments.Sweeps;

/// <summary>A sweep ready to run: every point built and validated.</summary>
/// <param name="Header">What identifies the sweep in its output (name, parameters, mode, point count, fingerprint, objective).</param>
/// <param name="Points">Every point, in order.</param>
public sealed record SweepPlan(SweepHeader Header, IReadOnlyList<SweepPoint> Points);
