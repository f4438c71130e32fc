using System.Globalization;
using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>A fixed share of a request's total duration, in seconds: <see cref="Fraction"/> x a draw of <see cref="Duration"/>.</summary>
/// <remarks>
/// Made by <see cref="WorkProfile.FromDuration"/>: when a profile's CPU demand and IO wait are complementary shares
/// of the same duration, each request draws the duration once and splits it (so a 100 ms request with 20% CPU is
/// 20 ms CPU then 80 ms IO wait, and the total keeps the duration's distribution). On its own it is simply the
/// scaled distribution. Immutable and thread-safe.
/// </remarks>
/// <param name="Duration">The total duration's distribution, in seconds.</param>
/// <param name="Fraction">The share, from 0 to 1.</param>
public sealed record DurationShare(IDistribution Duration, double Fraction) : IDistribution
{
    /// <inheritdoc />
    public double Mean => Fraction * Duration.Mean;

    /// <inheritdoc />
    public double Sample(RandomStream random) => Fraction * Duration.Sample(random);

    /// <inheritdoc />
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Fraction * 100:0.##}% of {Duration.Describe()}");

    /// <summary>Whether <paramref name="cpu"/> and <paramref name="io"/> split one duration between them (same duration, shares summing to 1).</summary>
    internal static bool AreComplementary(IDistribution cpu, IDistribution io) =>
        cpu is DurationShare c && io is DurationShare i && ReferenceEquals(c.Duration, i.Duration) && c.Fraction + i.Fraction == 1;
}
