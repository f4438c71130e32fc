using MathNet.Numerics.Distributions;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Workload;

/// <summary>Draws arrival streams and the statistics the arrival tests compare with theory.</summary>
internal static class ArrivalStatistics
{
    /// <summary>The two-sided 99.9% normal quantile, 3.29: every tolerance below is this many standard errors.</summary>
    public static readonly double Z = Normal.InvCDF(0, 1, 0.9995);

    /// <summary>The 99.9% quantile of a chi-square with <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    public static double ChiSquareLimit(int degreesOfFreedom) => ChiSquared.InvCDF(degreesOfFreedom, 0.999);

    /// <summary>Every arrival of <paramref name="process"/> before <paramref name="untilSeconds"/>, on the arrival substream of (seed, replication).</summary>
    public static List<double> Arrivals(ArrivalProcess process, double untilSeconds, long seed = 1, int replication = 0)
    {
        var stream = process.CreateStream(RandomStream.For(seed, replication, 0, StreamPurpose.Arrivals));
        var times = new List<double>();
        for (var t = stream.Next(); t < untilSeconds; t = stream.Next())
        {
            times.Add(t);
        }

        return times;
    }

    /// <summary>How many arrivals fall in each of <paramref name="bins"/> equal bins over [0, <paramref name="untilSeconds"/>).</summary>
    public static long[] Binned(IEnumerable<double> times, double untilSeconds, int bins)
    {
        var counts = new long[bins];
        foreach (var t in times)
        {
            counts[Math.Min(bins - 1, (int)(t / untilSeconds * bins))]++;
        }

        return counts;
    }

    /// <summary>Pearson's statistic sum (observed - expected)^2 / expected, with the expected counts from <paramref name="process"/>.</summary>
    public static double ChiSquare(long[] observed, ArrivalProcess process, double untilSeconds)
    {
        var width = untilSeconds / observed.Length;
        return observed.Select((o, k) =>
        {
            var expected = process.ExpectedArrivals(k * width, (k + 1) * width);
            return (o - expected) * (o - expected) / expected;
        }).Sum();
    }

    /// <summary>
    /// The gaps after time-rescaling: Lambda(t_i) - Lambda(t_(i-1)), with Lambda the expected arrivals so far. For a
    /// Poisson process of any intensity these are independent Exp(1) (the time-rescaling theorem), so their mean
    /// is 1 and their variance 1.
    /// </summary>
    public static double[] RescaledGaps(ArrivalProcess process, IReadOnlyList<double> times)
    {
        var gaps = new double[times.Count];
        var previous = 0.0;
        for (var i = 0; i < times.Count; i++)
        {
            gaps[i] = process.ExpectedArrivals(previous, times[i]);
            previous = times[i];
        }

        return gaps;
    }

    /// <summary>The sample mean and the unbiased sample variance.</summary>
    public static (double Mean, double Variance) MeanAndVariance(IReadOnlyCollection<double> values)
    {
        var mean = values.Average();
        return (mean, values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
