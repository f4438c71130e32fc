namespace ServerlessSim.Experiments.Sweeps;

/// <summary>The results of a sweep, or of one shard of it (a part).</summary>
/// <param name="Header">What identifies the sweep.</param>
/// <param name="Points">The points run, in index order.</param>
/// <param name="Partial">True when cancelled: only points (and replications) that finished are included.</param>
/// <param name="Shard">The shard run, for a part; null for a whole sweep (run at once or merged).</param>
public sealed record SweepResult(SweepHeader Header, IReadOnlyList<SweepPointResult> Points, bool Partial, SweepShard? Shard);
