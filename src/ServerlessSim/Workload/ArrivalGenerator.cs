using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>Draws the next arrival time of an <see cref="ArrivalProcess"/>; one per function per run.</summary>
/// <remarks>
/// A piecewise-constant rate is generated exactly by inverting the cumulative rate: draw E ~ Exp(1) (Poisson) or
/// E = 1 (constant spacing), then walk forward until the integral of the rate since the last arrival reaches E.
/// E.g. at t = 299.9 s with 1,000 req/s until 300 s and 8,000 req/s after, E = 0.5 spends 0.1 in the first segment
/// and the remaining 0.4 at 8,000 req/s: the arrival is at 300 + 0.4 / 8,000 = 300.00005 s.
/// </remarks>
internal sealed class ArrivalGenerator
{
    private readonly RateSegment[] _segments;
    private readonly bool _poisson;
    private readonly RandomStream _random;
    private int _segment;

    public ArrivalGenerator(ArrivalProcess process, RandomStream random)
    {
        _segments = process.Schedule.ToArray();
        _poisson = process.Kind == ArrivalKind.Poisson;
        _random = random;
    }

    /// <summary>The first arrival strictly after <paramref name="nowSeconds"/>, or +infinity if the rate stays zero.</summary>
    public double Next(double nowSeconds)
    {
        var work = _poisson ? -Math.Log(_random.NextOpenDouble()) : 1.0;
        var t = nowSeconds;
        while (true)
        {
            var rate = _segments[_segment].RatePerSecond;
            var end = _segment + 1 < _segments.Length ? _segments[_segment + 1].StartSeconds : double.PositiveInfinity;
            if (rate > 0)
            {
                var candidate = t + (work / rate);
                if (candidate < end)
                {
                    return candidate;
                }

                work -= (end - t) * rate;
            }

            if (double.IsPositiveInfinity(end))
            {
                return double.PositiveInfinity;
            }

            t = end;
            _segment++;
        }
    }
}
