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
    double VCpusPerInstance)
{
    /// <summary>The usage of several functions together: quantities add up.</summary>
    /// <remarks>Memory and vCPUs per instance are the functions' if they all agree, else 0 (mixed): bill each function on its own usage.</remarks>
    public static Usage Sum(IReadOnlyList<Usage> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        var memory = parts.All(p => p.MemoryMb == parts[0].MemoryMb) ? parts[0].MemoryMb : 0;
        var vCpus = parts.All(p => p.VCpusPerInstance == parts[0].VCpusPerInstance) ? parts[0].VCpusPerInstance : 0;
        return new Usage(
            parts.Sum(p => p.CompletedRequests),
            parts.Sum(p => p.BilledDurationMs),
            parts.Sum(p => p.BilledInitMs),
            parts.Sum(p => p.BusyInstanceSeconds),
            parts.Sum(p => p.IdleInstanceSeconds),
            parts.Sum(p => p.InitializingInstanceSeconds),
            memory,
            vCpus);
    }
}
