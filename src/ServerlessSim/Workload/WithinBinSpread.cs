namespace ServerlessSim.Workload;

/// <summary>How <see cref="BinnedCountArrivals"/> places the arrivals counted in one time bin (e.g. one minute of the Azure 2019 trace).</summary>
public enum WithinBinSpread
{
    /// <summary>Exactly the bin's count, at independent uniform times within the bin (a Poisson process conditioned on the count). The default.</summary>
    Uniform,

    /// <summary>Exactly the bin's count, evenly spaced and centred: n arrivals in [s, s + w) at s + (k + 0.5) w / n. Deterministic.</summary>
    EvenlySpaced,

    /// <summary>A Poisson process at the bin's rate (count / width): the count in each bin varies around the recorded one.</summary>
    Poisson,
}
