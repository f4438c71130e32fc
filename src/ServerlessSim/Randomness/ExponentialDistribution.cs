using System.Globalization;

namespace ServerlessSim.Randomness;

/// <summary>Exponentially distributed with the given mean, in seconds.</summary>
/// <param name="MeanSeconds">The mean, in seconds (positive).</param>
public sealed record ExponentialDistribution(double MeanSeconds) : IDistribution
{
    /// <inheritdoc />
    public double Mean => MeanSeconds;

    /// <inheritdoc />
    public double Sample(RandomStream random) => -Math.Log(random.NextOpenDouble()) * MeanSeconds;

    /// <inheritdoc />
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"exponential mean {MeanSeconds * 1000:0.###} ms");
}
