using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>Draws the arrival times of a <see cref="RateScheduleArrivals"/> in order; one per function per run.</summary>
/// <remarks>
/// Arrivals are generated exactly by inverting the cumulative rate L(t) (the expected arrivals by time t): the
/// n-th arrival is at L^-1(W_n), where W_n grows by Exp(1) per arrival (Poisson) or by exactly 1 (constant
/// spacing). Working on the cumulative W rather than adding gaps to t keeps constant arrivals free of drift:
/// at 10 req/s the 1,000th arrival is at 1000 / 10 = 100 s exactly, not at a sum of 1,000 tenths.
/// E.g. 1,000 req/s until 300 s and 8,000 req/s after: L(300) = 300,000, so W = 300,000.5 maps to
/// 300 + 0.5 / 8,000 = 300.0000625 s.
/// </remarks>
internal sealed class RateScheduleStream : IArrivalStream
{
    private readonly RateSegment[] _segments;
    private readonly bool _poisson;
    private readonly RandomStream _random;
    private int _segment;
    private double _segmentStartWork;
    private double _work;

    public RateScheduleStream(RateScheduleArrivals process, RandomStream random)
    {
        _segments = process.Schedule.ToArray();
        _poisson = process.Kind == ArrivalKind.Poisson;
        _random = random;
    }

    /// <inheritdoc />
    public double Next()
    {
        _work += _poisson ? -Math.Log(_random.NextOpenDouble()) : 1.0;
        while (true)
        {
            var segment = _segments[_segment];
            var isLast = _segment + 1 == _segments.Length;
            var end = isLast ? double.PositiveInfinity : _segments[_segment + 1].StartSeconds;
            if (segment.RatePerSecond > 0)
            {
                var workAtEnd = isLast ? double.PositiveInfinity : _segmentStartWork + (segment.RatePerSecond * (end - segment.StartSeconds));
                if (_work < workAtEnd)
                {
                    return segment.StartSeconds + ((_work - _segmentStartWork) / segment.RatePerSecond);
                }

                _segmentStartWork = workAtEnd;
            }

            if (isLast)
            {
                return double.PositiveInfinity;
            }

            _segment++;
        }
    }
}
