using System.Globalization;
using MathNet.Numerics.Distributions;

namespace ServerlessSim.Randomness;

/// <summary>Log-normally distributed: ln X ~ Normal(<paramref name="Mu"/>, <paramref name="Sigma"/>), X in seconds.</summary>
/// <param name="Mu">Mean of ln X (X in seconds).</param>
/// <param name="Sigma">Standard deviation of ln X (non-negative).</param>
public sealed record LogNormalDistribution(double Mu, double Sigma) : IDistribution
{
    // z of the 99th percentile of a standard normal: 2.326348 (MathNet's Normal.InvCDF(0, 1, 0.99)).
    private static readonly double Z99 = Normal.InvCDF(0, 1, 0.99);

    /// <summary>The lognormal whose median and 99th percentile are the given values, in seconds.</summary>
    /// <remarks>
    /// median = e^mu and p99 = e^(mu + 2.326 sigma). E.g. median 250 ms, p99 900 ms: mu = ln 0.25 = -1.386,
    /// sigma = ln(0.9 / 0.25) / 2.326 = 0.551, so the mean is e^(mu + sigma^2/2) = 0.291 s.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive median, or a p99 below the median.</exception>
    public static LogNormalDistribution FromMedianAndP99(double medianSeconds, double p99Seconds)
    {
        if (!(medianSeconds > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(medianSeconds), medianSeconds, "The median must be positive.");
        }

        if (!(p99Seconds >= medianSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(p99Seconds), p99Seconds, "The 99th percentile must be at least the median.");
        }

        return new LogNormalDistribution(Math.Log(medianSeconds), Math.Log(p99Seconds / medianSeconds) / Z99);
    }

    /// <summary>The median, e^mu, in the distribution's unit.</summary>
    internal double Median => Math.Exp(Mu);

    /// <summary>The 99th percentile, e^(mu + 2.326 sigma), in the distribution's unit.</summary>
    internal double P99 => Math.Exp(Mu + (Z99 * Sigma));

    /// <inheritdoc />
    public double Mean => Math.Exp(Mu + (Sigma * Sigma / 2));

    /// <inheritdoc />
    public double Sample(RandomStream random) => LogNormal.Sample(random, Mu, Sigma);

    /// <inheritdoc />
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"lognormal median {Median * 1000:0.###} ms, p99 {P99 * 1000:0.###} ms");
}
