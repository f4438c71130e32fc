namespace ServerlessSim.Workload;

/// <summary>From <see cref="StartSeconds"/> on (until the next segment), requests arrive at <see cref="RatePerSecond"/>.</summary>
/// <param name="StartSeconds">When the segment starts, in seconds since the start of the run.</param>
/// <param name="RatePerSecond">The arrival rate, in requests per second (zero for a pause).</param>
public sealed record RateSegment(double StartSeconds, double RatePerSecond);
