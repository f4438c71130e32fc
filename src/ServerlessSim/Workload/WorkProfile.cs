using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>What one request does: a CPU phase, then an IO wait.</summary>
/// <param name="CpuDemand">CPU time on one full vCPU, in seconds. With less than one vCPU (or shared vCPUs) it takes longer.</param>
/// <param name="IoWait">Time waiting on a database or API, in seconds; uses no CPU and overlaps freely with other requests.</param>
/// <remarks>
/// A Node.js API handler: ~10 ms of CPU, then ~150 ms waiting on a database. On Lambda the whole 160 ms is billed;
/// on a many-requests instance the IO waits of concurrent requests overlap while their CPU phases share the vCPUs.
/// The two are drawn independently, except in a profile made by <see cref="FromDuration"/>.
/// </remarks>
public sealed record WorkProfile(IDistribution CpuDemand, IDistribution IoWait)
{
    /// <summary>The mean duration on one uncontended full vCPU, in seconds.</summary>
    public double MeanUncontendedSeconds => CpuDemand.Mean + IoWait.Mean;

    /// <summary>Requests whose total duration (uncontended, in seconds) is drawn from <paramref name="duration"/> and split: the first <paramref name="cpuFraction"/> on CPU, the rest IO wait.</summary>
    /// <remarks>
    /// For traces, which record only durations. E.g. a 200 ms request at 0.1: 20 ms of CPU, then 180 ms of IO wait.
    /// With 0 or 1 the profile is all IO wait or all CPU; in between, both phases are <see cref="DurationShare"/>s of
    /// the same duration and one draw per request is split between them.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cpuFraction"/> is not in [0, 1].</exception>
    public static WorkProfile FromDuration(IDistribution duration, double cpuFraction)
    {
        ArgumentNullException.ThrowIfNull(duration);
        if (!(cpuFraction >= 0 && cpuFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(cpuFraction), cpuFraction, "The CPU share of a duration must be from 0 to 1.");
        }

        return cpuFraction switch
        {
            0 => new WorkProfile(ConstantDistribution.Zero, duration),
            1 => new WorkProfile(duration, ConstantDistribution.Zero),
            _ => new WorkProfile(new DurationShare(duration, cpuFraction), new DurationShare(duration, 1 - cpuFraction)),
        };
    }
}
