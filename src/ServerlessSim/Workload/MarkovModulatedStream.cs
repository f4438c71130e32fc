using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>Draws a Markov-modulated Poisson process: the chain's state path and, within each sojourn, Poisson arrivals at that state's rate.</summary>
/// <remarks>
/// Both clocks are exponential, so after a jump a fresh arrival gap is drawn at the new rate without bias
/// (memorylessness). Per arrival one draw; per jump two (where to, and how long). No allocation.
/// </remarks>
internal sealed class MarkovModulatedStream : IArrivalStream
{
    private readonly double[] _rates;
    private readonly double[] _exitRates;
    private readonly double[][] _jumpCumulative;
    private readonly RandomStream _random;
    private readonly bool _silent;
    private int _state;
    private double _time;
    private double _stateEnd;

    public MarkovModulatedStream(double[] rates, double[] exitRates, double[][] jumpCumulative, double[] stationaryCumulative, RandomStream random)
    {
        _rates = rates;
        _exitRates = exitRates;
        _jumpCumulative = jumpCumulative;
        _random = random;
        _silent = !rates.Any(r => r > 0);
        _state = Pick(stationaryCumulative, random.NextDouble());
        _stateEnd = Sojourn();
    }

    public double Next()
    {
        if (_silent)
        {
            return double.PositiveInfinity;
        }

        while (true)
        {
            var rate = _rates[_state];
            if (rate > 0)
            {
                var candidate = _time + (-Math.Log(_random.NextOpenDouble()) / rate);
                if (candidate < _stateEnd)
                {
                    _time = candidate;
                    return candidate;
                }
            }

            _time = _stateEnd;
            _state = Pick(_jumpCumulative[_state], _random.NextDouble());
            _stateEnd = _time + Sojourn();
        }
    }

    private static int Pick(double[] cumulative, double u)
    {
        var i = 0;
        while (u >= cumulative[i])
        {
            i++;
        }

        return i;
    }

    // A single-state chain (exit rate 0) never leaves: an infinite sojourn.
    private double Sojourn() =>
        _exitRates[_state] > 0 ? -Math.Log(_random.NextOpenDouble()) / _exitRates[_state] : double.PositiveInfinity;
}
