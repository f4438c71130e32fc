using ServerlessSim.Platform;

namespace ServerlessSim.Policies.Concurrency;

internal sealed class OnePerInstancePolicy : IConcurrencyPolicy
{
    public static OnePerInstancePolicy Instance { get; } = new();

    public int MaxConcurrentPerInstance => 1;

    public double VCpusPerInstance(double memoryMb) => CpuShare.VCpusForMemory(memoryMb);

    public string Describe() => "one request per instance";
}
