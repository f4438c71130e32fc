namespace ServerlessSim.Cost;

/// <summary>What a run used, in the units bills are computed from.</summary>
/// <param name="CompletedRequests">Requests that ran to completion (throttled requests are not billed).</param>
/// <param name="BilledDurationMs">Sum over completed requests of their execution time rounded up to 1 ms (Lambda's rule).</param>
/// <param name="BilledInitMs">Sum over instance starts of their initialisation time rounded up to 1 ms (billed by Lambda since 2025-08-01).</param>
/// <param name="BusyInstanceSeconds">Instance-seconds serving at least one request.</param>
/// <param name="IdleInstanceSeconds">Instance-seconds ready but serving nothing.</param>
/// <param name="InitializingInstanceSeconds">Instance-seconds initialising.</param>
/// <param name="MemoryMb">Memory per instance, in MB.</param>
/// <param name="VCpusPerInstance">vCPUs per instance.</param>
public sealed record Usage(
    long CompletedRequests,
    long BilledDurationMs,
    long BilledInitMs,
    double BusyInstanceSeconds,
    double IdleInstanceSeconds,
    double InitializingInstanceSeconds,
    double MemoryMb,
    double VCpusPerInstance);
