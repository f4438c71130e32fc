namespace ServerlessSim.Randomness;

/// <summary>The independent substreams one function uses in one replication.</summary>
/// <param name="Arrivals">Arrival times.</param>
/// <param name="Work">CPU demand and IO wait.</param>
/// <param name="ColdStart">Initialisation durations.</param>
public sealed record RandomStreams(RandomStream Arrivals, RandomStream Work, RandomStream ColdStart)
{
    /// <summary>The streams of function <paramref name="function"/> in replication <paramref name="replication"/> of a run seeded <paramref name="seed"/>.</summary>
    public static RandomStreams For(long seed, int replication, int function) => new(
        RandomStream.For(seed, replication, function, StreamPurpose.Arrivals),
        RandomStream.For(seed, replication, function, StreamPurpose.Work),
        RandomStream.For(seed, replication, function, StreamPurpose.ColdStart));
}
