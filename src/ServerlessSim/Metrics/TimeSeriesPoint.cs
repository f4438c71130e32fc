namespace ServerlessSim.Metrics;

/// <summary>One step of a run's time series.</summary>
/// <param name="StartSeconds">Start of the step, in seconds since the start of the run.</param>
/// <param name="Instances">Live instances (initialising, busy or idle), time-averaged over the step.</param>
/// <param name="BusyInstances">Instances serving at least one request, time-averaged over the step.</param>
/// <param name="InFlight">Requests in flight (waiting for an instance to start, or running), time-averaged over the step.</param>
/// <param name="Arrivals">Requests that arrived in the step.</param>
/// <param name="Completions">Requests that completed in the step.</param>
/// <param name="Throttles">Attempts throttled in the step (HTTP 429s; a request retried twice and throttled each time counts three).</param>
/// <param name="ColdStarts">Attempts that, in the step, had to wait for an instance to initialise.</param>
public sealed record TimeSeriesPoint(
    double StartSeconds,
    double Instances,
    double BusyInstances,
    double InFlight,
    long Arrivals,
    long Completions,
    long Throttles,
    long ColdStarts)
{
    /// <summary>Retries made in the step (a client's, or Lambda's asynchronous queue's).</summary>
    public long Retries { get; init; }

    /// <summary>Requests waiting to be retried (off the platform), time-averaged over the step; part of <see cref="InFlight"/>.</summary>
    public double Waiting { get; init; }
}
