using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>Draws a non-homogeneous Poisson process exactly by thinning (Lewis and Shedler, 1979).</summary>
/// <remarks>
/// Candidates come from a homogeneous Poisson process at the ceiling rate M; a candidate at t is kept with
/// probability rate(t) / M. The kept points are exactly a Poisson process with intensity rate(t). Cost: M / mean
/// rate candidates per arrival; e.g. a sinusoid with mean 100 and amplitude 50 req/s has M = 150, so 1.5
/// candidates (3 uniform draws) per arrival. Two draws per candidate from the run's arrival stream, no allocation.
/// </remarks>
internal sealed class ThinningStream(IRateFunction rate, RandomStream random) : IArrivalStream
{
    private readonly double _ceiling = rate.MaxRatePerSecond;
    private double _time;

    public double Next()
    {
        if (!(_ceiling > 0))
        {
            return double.PositiveInfinity;
        }

        while (true)
        {
            _time += -Math.Log(random.NextOpenDouble()) / _ceiling;

            // u in [0, 1): a rate at the ceiling always keeps the candidate, a zero rate never does.
            if (random.NextDouble() * _ceiling < rate.RateAt(_time))
            {
                return _time;
            }
        }
    }
}
