using System.Globalization;

namespace ServerlessSim.Randomness;

/// <summary>A distribution given by points of its quantile function, interpolated linearly between them; or a resampling of recorded values.</summary>
/// <remarks>
/// Built from percentiles (as the Azure 2019 durations file gives them: min, p1, p25, p50, p75, p99, max) or from
/// raw samples (each sample at an equal step of probability). A draw picks u in [0, 1) and interpolates the
/// quantile function at u, so the result never leaves [first value, last value]. <see cref="Resampling"/> instead
/// draws one of the recorded values, each with probability 1/n: no interpolation, and the mean is exactly the
/// samples' mean (interpolation gives the smallest and largest samples half weight: for 1, 2, 9 its mean is 3.5,
/// not 4). Immutable and thread-safe.
/// </remarks>
public sealed class EmpiricalDistribution : IDistribution
{
    private readonly double[] _probabilities;
    private readonly double[] _values;
    private readonly bool _resampling;

    private EmpiricalDistribution(double[] probabilities, double[] values, bool resampling = false)
    {
        _probabilities = probabilities;
        _values = values;
        _resampling = resampling;
        Mean = resampling ? values.Average() : ComputeMean(probabilities, values);
    }

    /// <summary>From (percentile 0..100, value in seconds) points; percentiles 0 and 100 must be present.</summary>
    /// <exception cref="ArgumentException">Fewer than two points, missing 0 or 100, or values not non-decreasing.</exception>
    public static EmpiricalDistribution FromPercentiles(IReadOnlyList<(double Percentile, double ValueSeconds)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.Percentile).ToArray();
        if (sorted.Length < 2 || sorted[0].Percentile != 0 || sorted[^1].Percentile != 100)
        {
            throw new ArgumentException("Percentile points must include percentile 0 (the minimum) and 100 (the maximum).", nameof(points));
        }

        for (var i = 0; i < sorted.Length; i++)
        {
            if (!(sorted[i].ValueSeconds >= 0) || double.IsInfinity(sorted[i].ValueSeconds))
            {
                throw new ArgumentException($"Percentile {sorted[i].Percentile} has value {sorted[i].ValueSeconds}; values must be finite and non-negative.", nameof(points));
            }

            if (i > 0 && (sorted[i].Percentile == sorted[i - 1].Percentile || sorted[i].ValueSeconds < sorted[i - 1].ValueSeconds))
            {
                throw new ArgumentException($"Percentile {sorted[i].Percentile}: percentiles must be distinct and values non-decreasing.", nameof(points));
            }
        }

        return new EmpiricalDistribution(
            sorted.Select(p => p.Percentile / 100.0).ToArray(),
            sorted.Select(p => p.ValueSeconds).ToArray());
    }

    /// <summary>From raw samples in seconds (at least one, each finite and non-negative).</summary>
    /// <exception cref="ArgumentException">No samples, or a negative or non-finite one.</exception>
    public static EmpiricalDistribution FromSamples(IReadOnlyList<double> samplesSeconds)
    {
        var values = SortedSamples(samplesSeconds);
        if (values.Length == 1)
        {
            return new EmpiricalDistribution([0.0, 1.0], [values[0], values[0]]);
        }

        var probabilities = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            probabilities[i] = i / (double)(values.Length - 1);
        }

        return new EmpiricalDistribution(probabilities, values);
    }

    /// <summary>Draws one of <paramref name="samplesSeconds"/> (at least one, each finite and non-negative), each with probability 1/n.</summary>
    /// <remarks>For replaying recorded durations: the draws have exactly the samples' distribution. E.g. 0.1, 0.2, 0.2 s gives 0.2 s two times in three.</remarks>
    /// <exception cref="ArgumentException">No samples, or a negative or non-finite one.</exception>
    public static EmpiricalDistribution Resampling(IReadOnlyList<double> samplesSeconds)
    {
        return new EmpiricalDistribution([], SortedSamples(samplesSeconds), resampling: true);
    }

    /// <inheritdoc />
    public double Mean { get; }

    /// <inheritdoc />
    public double Sample(RandomStream random) => Quantile(random.NextDouble());

    /// <summary>The value at probability <paramref name="p"/> in [0, 1], in seconds.</summary>
    public double Quantile(double p)
    {
        if (_resampling)
        {
            return _values[Math.Min((int)(p * _values.Length), _values.Length - 1)];
        }

        var index = Array.BinarySearch(_probabilities, p);
        if (index >= 0)
        {
            return _values[index];
        }

        var upper = ~index;
        if (upper >= _probabilities.Length)
        {
            return _values[^1];
        }

        var lower = upper - 1;
        var fraction = (p - _probabilities[lower]) / (_probabilities[upper] - _probabilities[lower]);
        return _values[lower] + (fraction * (_values[upper] - _values[lower]));
    }

    /// <summary>The probability that a draw is at most <paramref name="valueSeconds"/>: the inverse of <see cref="Quantile"/>.</summary>
    /// <remarks>E.g. points (0%, 180 s), (40%, 360 s), (100%, 420 s): at 390 s, 40% + (390 - 360) / 60 x 60% = 70%.</remarks>
    public double Cdf(double valueSeconds)
    {
        if (_resampling)
        {
            var count = 0;
            while (count < _values.Length && _values[count] <= valueSeconds)
            {
                count++;
            }

            return count / (double)_values.Length;
        }

        if (valueSeconds < _values[0])
        {
            return 0;
        }

        // The last point at or below the value: flat stretches (equal values) take their highest probability.
        var lower = Array.FindLastIndex(_values, v => v <= valueSeconds);
        if (lower == _values.Length - 1 || _values[lower] == valueSeconds)
        {
            return _probabilities[lower];
        }

        var upper = lower + 1;
        var fraction = (valueSeconds - _values[lower]) / (_values[upper] - _values[lower]);
        return _probabilities[lower] + (fraction * (_probabilities[upper] - _probabilities[lower]));
    }

    /// <inheritdoc />
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"empirical {_values.Length} {(_resampling ? "samples" : "points")}, {_values[0] * 1000:0.###}..{_values[^1] * 1000:0.###} ms, mean {Mean * 1000:0.###} ms");

    private static double[] SortedSamples(IReadOnlyList<double> samplesSeconds)
    {
        ArgumentNullException.ThrowIfNull(samplesSeconds);
        if (samplesSeconds.Count == 0)
        {
            throw new ArgumentException("At least one sample is needed.", nameof(samplesSeconds));
        }

        if (samplesSeconds.Any(s => !(s >= 0) || double.IsInfinity(s)))
        {
            throw new ArgumentException("Samples must be finite and non-negative.", nameof(samplesSeconds));
        }

        return samplesSeconds.Order().ToArray();
    }

    // The mean of a piecewise-linear quantile function is the sum over segments of width x midpoint.
    private static double ComputeMean(double[] probabilities, double[] values)
    {
        var mean = 0.0;
        for (var i = 1; i < values.Length; i++)
        {
            mean += (probabilities[i] - probabilities[i - 1]) * (values[i] + values[i - 1]) / 2;
        }

        return mean;
    }
}
