using System.Globalization;

namespace ServerlessSim.Randomness;

/// <summary>Always the same value, in seconds.</summary>
/// <param name="Value">The value, in seconds (non-negative).</param>
public sealed record ConstantDistribution(double Value) : IDistribution
{
    /// <summary>The value zero (no delay at all).</summary>
    public static ConstantDistribution Zero { get; } = new(0.0);

    /// <inheritdoc />
    public double Mean => Value;

    /// <inheritdoc />
    public double Sample(RandomStream random) => Value;

    /// <inheritdoc />
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"constant {Value * 1000:0.###} ms");
}
