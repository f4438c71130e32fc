using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>Draws each request's CPU demand and IO wait, in seconds, from one stream in a fixed order.</summary>
internal sealed class WorkProfileSampler(WorkProfile profile, RandomStream random)
{
    private readonly IDistribution _cpu = profile.CpuDemand;
    private readonly IDistribution _io = profile.IoWait;

    public (double CpuSeconds, double IoSeconds) Next()
    {
        var cpu = _cpu.Sample(random);
        var io = _io.Sample(random);
        return (cpu, io);
    }
}
