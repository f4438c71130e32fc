using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>What one request does: a CPU phase, then an IO wait.</summary>
/// <param name="CpuDemand">CPU time on one full vCPU, in seconds. With less than one vCPU (or shared vCPUs) it takes longer.</param>
/// <param name="IoWait">Time waiting on a database or API, in seconds; uses no CPU and overlaps freely with other requests.</param>
/// <remarks>
/// A Node.js API handler: ~10 ms of CPU, then ~150 ms waiting on a database. On Lambda the whole 160 ms is billed;
/// on a many-requests instance the IO waits of concurrent requests overlap while their CPU phases share the vCPUs.
/// </remarks>
public sealed record WorkProfile(IDistribution CpuDemand, IDistribution IoWait)
{
    /// <summary>The mean duration on one uncontended full vCPU, in seconds.</summary>
    public double MeanUncontendedSeconds => CpuDemand.Mean + IoWait.Mean;
}
