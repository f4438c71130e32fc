namespace ServerlessSim.Randomness;

/// <summary>The independent substreams one function uses in one replication.</summary>
/// <param name="Arrivals">Arrival times.</param>
/// <param name="Work">CPU demand and IO wait.</param>
/// <param name="ColdStart">Initialisation durations.</param>
public sealed record RandomStreams(RandomStream Arrivals, RandomStream Work, RandomStream ColdStart)
{
    /// <summary>Delays of retries (a client's backoff, Lambda's asynchronous queue).</summary>
    public RandomStream? Retries { get; init; }

    /// <summary>Function errors.</summary>
    public RandomStream? Errors { get; init; }

    /// <summary>Random policy decisions (a random idle environment, keep-alive and lifetime draws).</summary>
    public RandomStream? Policy { get; init; }

    /// <summary>The streams of function <paramref name="function"/> in replication <paramref name="replication"/> of a run seeded <paramref name="seed"/>.</summary>
    public static RandomStreams For(long seed, int replication, int function) => new(
        RandomStream.For(seed, replication, function, StreamPurpose.Arrivals),
        RandomStream.For(seed, replication, function, StreamPurpose.Work),
        RandomStream.For(seed, replication, function, StreamPurpose.ColdStart))
    {
        Retries = RandomStream.For(seed, replication, function, StreamPurpose.Retries),
        Errors = RandomStream.For(seed, replication, function, StreamPurpose.Errors),
        Policy = RandomStream.For(seed, replication, function, StreamPurpose.Policy),
    };
}
