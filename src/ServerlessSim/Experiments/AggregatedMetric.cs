using MathNet.Numerics.Distributions;

namespace ServerlessSim.Experiments;

/// <summary>One metric over independent replications: the mean and its 95% confidence half-width.</summary>
/// <param name="Name">The metric's name in the results document (e.g. <c>latencyMs.p99</c>).</param>
/// <param name="Mean">The mean over replications, in the metric's unit.</param>
/// <param name="HalfWidth95">The 95% confidence half-width (Student t), in the metric's unit; null with one replication.</param>
/// <param name="Replications">How many replications the mean is over.</param>
public sealed record AggregatedMetric(string Name, double Mean, double? HalfWidth95, int Replications)
{
    /// <summary>The mean and Student-t half-width at <paramref name="confidence"/> of <paramref name="values"/>.</summary>
    /// <remarks>
    /// half-width = t(1 - alpha/2, n - 1) x s / sqrt(n). E.g. 10 replications with s = 2: t(0.975, 9) = 2.262, so the
    /// half-width is 2.262 x 2 / 3.162 = 1.43.
    /// </remarks>
    public static AggregatedMetric From(string name, IReadOnlyList<double> values, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("At least one value is needed.", nameof(values));
        }

        var n = values.Count;
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= n;
        if (n == 1)
        {
            return new AggregatedMetric(name, mean, null, 1);
        }

        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        var standardError = Math.Sqrt(squares / (n - 1) / n);
        var t = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - confidence) / 2));
        return new AggregatedMetric(name, mean, t * standardError, n);
    }
}
