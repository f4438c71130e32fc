namespace ServerlessSim.Randomness;

/// <summary>A non-negative random quantity, in seconds (a CPU demand, an IO wait, a cold-start duration).</summary>
/// <remarks>Implementations are immutable and thread-safe; all state lives in the <see cref="RandomStream"/>.</remarks>
public interface IDistribution
{
    /// <summary>The mean, in seconds.</summary>
    double Mean { get; }

    /// <summary>One draw, in seconds (never negative).</summary>
    double Sample(RandomStream random);

    /// <summary>A short description with parameters in milliseconds, for reports.</summary>
    string Describe();
}
