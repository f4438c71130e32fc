namespace ServerlessSim.Experiments;

/// <summary>Closed-form results that a correct simulation reproduces (the oracles of the validation suite).</summary>
public static class QueueingTheory
{
    /// <summary>
    /// Erlang-B: the probability that an arrival finds all <paramref name="servers"/> busy in an M/G/c/c loss
    /// system with offered load <paramref name="offeredLoad"/> = lambda x E[S] (insensitive to the service distribution).
    /// </summary>
    /// <remarks>
    /// The stable recursion 1/B(0) = 1, 1/B(j) = 1 + (j / a) / B(j - 1). E.g. c = 2, a = 1: 1/B(1) = 1 + 1 = 2,
    /// 1/B(2) = 1 + 2 x 2 = 5, so B = 0.2. With a concurrency limit c and no cold start, B is the throttle ratio.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">Negative servers or a non-positive load.</exception>
    public static double ErlangB(int servers, double offeredLoad)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(servers);
        if (!(offeredLoad > 0) || double.IsInfinity(offeredLoad))
        {
            throw new ArgumentOutOfRangeException(nameof(offeredLoad), offeredLoad, "The offered load must be a finite positive number of erlangs.");
        }

        var inverse = 1.0;
        for (var j = 1; j <= servers; j++)
        {
            inverse = 1 + (j / offeredLoad * inverse);
        }

        return 1 / inverse;
    }

    /// <summary>M/G/1 processor sharing: the mean response time E[S] / (1 - rho), in the unit of <paramref name="meanService"/>.</summary>
    /// <remarks>E.g. E[S] = 10 ms at rho = 0.8: 10 / 0.2 = 50 ms, whatever the service distribution.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">Utilisation outside [0, 1).</exception>
    public static double ProcessorSharingMeanResponse(double meanService, double utilisation)
    {
        if (!(utilisation >= 0 && utilisation < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(utilisation), utilisation, "The utilisation must be in [0, 1) for a stable queue.");
        }

        return meanService / (1 - utilisation);
    }

    /// <summary>M/G/infinity: the mean number in the system, lambda x E[S] (requests per second times seconds).</summary>
    public static double InfiniteServerMeanInSystem(double arrivalRatePerSecond, double meanServiceSeconds) =>
        arrivalRatePerSecond * meanServiceSeconds;

    /// <summary>
    /// Poisson arrivals at rate lambda to one instance with a fixed keep-alive T and negligible duration: the
    /// probability that a request finds the instance gone, P(idle gap &gt; T) = exp(-lambda x T).
    /// </summary>
    /// <remarks>E.g. 1 request per minute and a 10-minute keep-alive: exp(-10) = 4.5e-5.</remarks>
    public static double KeepAliveColdStartProbability(double arrivalRatePerSecond, double keepAliveSeconds) =>
        Math.Exp(-arrivalRatePerSecond * keepAliveSeconds);

    /// <summary>
    /// Erlang-C: the probability that an arrival waits in an M/M/c queue with offered load <paramref name="offeredLoad"/>
    /// = lambda / mu &lt; c, from Erlang-B: C = c B / (c - a (1 - B)).
    /// </summary>
    /// <remarks>E.g. c = 2, a = 1: B = 0.2, so C = 2 x 0.2 / (2 - 0.8) = 1/3.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A load of c or more (unstable), or non-positive.</exception>
    public static double ErlangC(int servers, double offeredLoad)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        if (!(offeredLoad < servers))
        {
            throw new ArgumentOutOfRangeException(nameof(offeredLoad), offeredLoad, $"The offered load must be below the {servers} servers for a stable queue.");
        }

        var b = ErlangB(servers, offeredLoad);
        return servers * b / (servers - (offeredLoad * (1 - b)));
    }

    /// <summary>
    /// M/M/c processor sharing across c vCPUs (each of n jobs served at min(1, c / n)): the mean response time,
    /// 1/mu + C(c, a) / (c mu - lambda), in seconds. With exponential demands the number of jobs is the same birth-death
    /// process as in M/M/c, so the means agree (Little's law).
    /// </summary>
    /// <remarks>E.g. c = 2, E[S] = 10 ms, lambda = 100/s (a = 1): 0.01 + (1/3) / (200 - 100) = 13.3 ms.</remarks>
    public static double MultiServerProcessorSharingMeanResponse(int vCpus, double arrivalRatePerSecond, double meanServiceSeconds)
    {
        var offeredLoad = arrivalRatePerSecond * meanServiceSeconds;
        return meanServiceSeconds + (ErlangC(vCpus, offeredLoad) / ((vCpus / meanServiceSeconds) - arrivalRatePerSecond));
    }
}
