using System.Globalization;
using ServerlessSim.Platform;

namespace ServerlessSim.Policies.Concurrency;

internal sealed class ManyPerInstancePolicy(ManyPerInstanceOptions options) : IConcurrencyPolicy
{
    public int MaxConcurrentPerInstance => options.MaxConcurrentPerInstance;

    public double VCpusPerInstance(double memoryMb) => options.VCpus ?? CpuShare.VCpusForMemory(memoryMb);

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"up to {options.MaxConcurrentPerInstance} requests per instance{(options.VCpus is { } v ? $", {v:0.###} vCPU" : string.Empty)}");
}
