namespace ServerlessSim.Workload;

/// <summary>How arrivals are spaced at a given rate.</summary>
public enum ArrivalKind
{
    /// <summary>A Poisson process: exponential gaps with mean 1/rate; with a schedule, a non-homogeneous Poisson process.</summary>
    Poisson,

    /// <summary>Evenly spaced arrivals, 1/rate apart: deterministic, for hand-computable scenarios.</summary>
    Constant,
}
