namespace ServerlessSim.Metrics;

/// <summary>One step of a run's time series.</summary>
/// <param name="StartSeconds">Start of the step, in seconds since the start of the run.</param>
/// <param name="Instances">Live instances (initialising, busy or idle), time-averaged over the step.</param>
/// <param name="BusyInstances">Instances serving at least one request, time-averaged over the step.</param>
/// <param name="InFlight">Requests in flight (waiting for an instance to start, or running), time-averaged over the step.</param>
/// <param name="Arrivals">Requests that arrived in the step.</param>
/// <param name="Completions">Requests that completed in the step.</param>
/// <param name="Throttles">Requests throttled in the step.</param>
/// <param name="ColdStarts">Requests that arrived in the step and had to wait for an instance to initialise.</param>
public sealed record TimeSeriesPoint(
    double StartSeconds,
    double Instances,
    double BusyInstances,
    double InFlight,
    long Arrivals,
    long Completions,
    long Throttles,
    long ColdStarts);
