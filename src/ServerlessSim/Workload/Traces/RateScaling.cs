using MathNet.Numerics.Distributions;
using ServerlessSim.Randomness;

namespace ServerlessSim.Workload.Traces;

/// <summary>Thins or replicates a function's recorded arrivals by <see cref="TraceReplayOptions.RateScale"/>, deterministically given the options' seed.</summary>
/// <remarks>
/// Every arrival is kept with probability x (x below 1) or becomes floor(x) arrivals plus one more with probability
/// x - floor(x) (x above 1): x arrivals per recorded one on average. E.g. x = 2.5: each arrival becomes 2 or 3.
/// Each function draws from its own substream, keyed by its id, so selecting other functions does not change it.
/// </remarks>
internal static class RateScaling
{
    /// <summary>The substream for scaling the function with id <paramref name="id"/>.</summary>
    public static RandomStream StreamFor(TraceReplayOptions options, string id) =>
        RandomStream.For(options.Seed, 0, (int)HashSample.StableHash(id), StreamPurpose.TraceScaling);

    /// <summary>Scales per-bin counts in place; false if a scaled count would exceed <see cref="int.MaxValue"/>.</summary>
    public static bool ScaleCounts(int[] counts, double factor, RandomStream random)
    {
        if (factor == 1)
        {
            return true;
        }

        var whole = Math.Floor(factor);
        var fraction = factor - whole;
        for (var b = 0; b < counts.Length; b++)
        {
            var c = counts[b];
            var extra = c > 0 && fraction > 0 ? Binomial.Sample(random, fraction, c) : 0;
            var scaled = ((long)whole * c) + extra;
            if (scaled > int.MaxValue)
            {
                return false;
            }

            counts[b] = (int)scaled;
        }

        return true;
    }

    /// <summary>The scaled arrivals of sorted <paramref name="times"/>, sorted; extra copies fall uniformly between an arrival and the next.</summary>
    public static double[] ScaleTimestamps(double[] times, double factor, RandomStream random)
    {
        if (factor == 1)
        {
            return times;
        }

        var whole = (int)Math.Floor(factor);
        var fraction = factor - whole;
        var scaled = new List<double>((int)Math.Min(int.MaxValue, Math.Ceiling(times.Length * factor)));
        for (var i = 0; i < times.Length; i++)
        {
            var copies = whole + (random.NextDouble() < fraction ? 1 : 0);
            var gap = i + 1 < times.Length ? times[i + 1] - times[i] : 0;
            for (var k = 0; k < copies; k++)
            {
                scaled.Add(k == 0 ? times[i] : times[i] + (random.NextDouble() * gap));
            }
        }

        var result = scaled.ToArray();
        Array.Sort(result);
        return result;
    }
}
