namespace ServerlessSim.Experiments;

/// <summary>How a run-until-precision experiment ended.</summary>
/// <param name="Target">The target it ran to.</param>
/// <param name="Met">Whether every policy met the target; false when <see cref="PrecisionTarget.MaxReplications"/> (or a cancellation) stopped it first.</param>
public sealed record PrecisionOutcome(PrecisionTarget Target, bool Met);
