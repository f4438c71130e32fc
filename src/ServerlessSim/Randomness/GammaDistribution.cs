using System.Globalization;

namespace ServerlessSim.Randomness;

/// <summary>Gamma distributed with a shape and a mean, in seconds.</summary>
/// <param name="Shape">The shape k (positive): 1 is exponential; larger is less variable (CV = 1/sqrt(k)).</param>
/// <param name="MeanSeconds">The mean k x theta, in seconds (positive).</param>
public sealed record GammaDistribution(double Shape, double MeanSeconds) : IDistribution
{
    /// <inheritdoc />
    public double Mean => MeanSeconds;

    /// <inheritdoc />
    public double Sample(RandomStream random) =>
        MathNet.Numerics.Distributions.Gamma.Sample(random, Shape, Shape / MeanSeconds);

    /// <inheritdoc />
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"gamma shape {Shape:0.###}, mean {MeanSeconds * 1000:0.###} ms");
}
