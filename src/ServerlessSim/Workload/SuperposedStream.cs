namespace ServerlessSim.Workload;

/// <summary>Merges component streams: always returns the earliest pending arrival, ties to the first component.</summary>
/// <remarks>A linear scan of the pending arrivals: O(components) per arrival, the fastest choice for the handful of components a workload has.</remarks>
internal sealed class SuperposedStream : IArrivalStream
{
    private readonly IArrivalStream[] _components;
    private readonly double[] _pending;

    public SuperposedStream(IArrivalStream[] components)
    {
        _components = components;
        _pending = new double[components.Length];
        for (var i = 0; i < components.Length; i++)
        {
            _pending[i] = components[i].Next();
        }
    }

    public double Next()
    {
        var earliest = 0;
        for (var i = 1; i < _pending.Length; i++)
        {
            if (_pending[i] < _pending[earliest])
            {
                earliest = i;
            }
        }

        var time = _pending[earliest];
        if (!double.IsPositiveInfinity(time))
        {
            _pending[earliest] = _components[earliest].Next();
        }

        return time;
    }
}
