namespace ServerlessSim.Experiments;

/// <summary>
/// MSER-5 (White, 1997; Franklin and White, 2008): the warm-up of an output series is the truncation that minimises
/// the marginal standard error of the mean of what remains, computed on batch means of 5 points.
/// </summary>
/// <remarks>
/// The series is cut into m = floor(n / 5) batches of 5 consecutive points (a last incomplete batch is dropped) with
/// means Z_1..Z_m. Truncating d batches leaves Z_(d+1)..Z_m, scored MSER(d) = sum (Z_j - mean)^2 / (m - d)^2: the
/// variance of what remains divided by its length, so cutting a transient (far from the mean) lowers the score and
/// cutting steady data raises it. d* is the first minimum over d = 0..floor(m / 2); the warm-up is 5 d* points. A
/// minimum at the search limit m / 2 says the run is too short to see the end of the transient.
/// E.g. batch means 10, 6, 3, 1, 3, 1 (m = 6): MSER(0) = 60 / 36 = 1.67, MSER(1) = 16.8 / 25 = 0.67,
/// MSER(2) = 4 / 16 = 0.25, MSER(3) = 2.67 / 9 = 0.30; d* = 2, so the first 10 points are the warm-up.
/// </remarks>
public static class Mser5
{
    /// <summary>Points per batch.</summary>
    public const int BatchSize = 5;

    /// <summary>The fewest points the method accepts: 4 batches, so that the search (up to m / 2 batches) has 3 candidates.</summary>
    public const int MinimumPoints = 4 * BatchSize;

    /// <summary>The MSER-5 truncation of <paramref name="series"/> (points in time order, e.g. in-flight requests per step).</summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinimumPoints"/> points, or a value that is not finite.</exception>
    public static Mser5Result Truncate(IReadOnlyList<double> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count < MinimumPoints)
        {
            throw new ArgumentException($"MSER-5 needs at least {MinimumPoints} points; the series has {series.Count}.", nameof(series));
        }

        var batches = series.Count / BatchSize;
        var means = new double[batches];
        for (var j = 0; j < batches; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < BatchSize; i++)
            {
                var value = series[(j * BatchSize) + i];
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException($"Point {(j * BatchSize) + i} is {value}; every point must be finite.", nameof(series));
                }

                sum += value;
            }

            means[j] = sum / BatchSize;
        }

        // Welford's update from the end: after adding Z_j, mean and squares describe Z_j..Z_m, the data left by d = j - 1.
        var limit = batches / 2;
        var best = double.PositiveInfinity;
        var bestD = 0;
        var scores = new double[limit + 1];
        double mean = 0, squares = 0;
        for (var j = batches - 1; j >= 0; j--)
        {
            var kept = batches - j;
            var delta = means[j] - mean;
            mean += delta / kept;
            squares += delta * (means[j] - mean);
            if (j <= limit)
            {
                scores[j] = squares / ((double)kept * kept);
            }
        }

        for (var d = 0; d <= limit; d++)
        {
            if (scores[d] < best)
            {
                best = scores[d];
                bestD = d;
            }
        }

        return new Mser5Result(bestD * BatchSize, batches, bestD, best, bestD == limit);
    }
}
