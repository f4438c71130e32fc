using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>Draws each request's CPU demand and IO wait, in seconds, from one stream in a fixed order.</summary>
/// <remarks>When both phases are shares of one duration (<see cref="WorkProfile.FromDuration"/>), one duration is drawn and split.</remarks>
internal sealed class WorkProfileSampler(WorkProfile profile, RandomStream random)
{
    private readonly IDistribution _cpu = profile.CpuDemand;
    private readonly IDistribution _io = profile.IoWait;
    private readonly DurationShare? _split = DurationShare.AreComplementary(profile.CpuDemand, profile.IoWait) ? (DurationShare)profile.CpuDemand : null;

    public (double CpuSeconds, double IoSeconds) Next()
    {
        if (_split is { } split)
        {
            var total = split.Duration.Sample(random);
            var cpuPart = split.Fraction * total;
            return (cpuPart, total - cpuPart);
        }

        var cpu = _cpu.Sample(random);
        var io = _io.Sample(random);
        return (cpu, io);
    }
}
