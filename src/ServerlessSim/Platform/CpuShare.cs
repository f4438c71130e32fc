namespace ServerlessSim.Platform;

/// <summary>How much CPU a function's memory setting buys on AWS Lambda.</summary>
public static class CpuShare
{
    /// <summary>Memory that buys one full vCPU on Lambda, in MB.</summary>
    public const double MegabytesPerVCpu = 1769;

    /// <summary>The most vCPUs a Lambda function gets (at 10,240 MB).</summary>
    public const double MaxVCpus = 6;

    /// <summary>The vCPU share for <paramref name="memoryMb"/> MB: proportional, 1,769 MB = 1 vCPU, capped at 6.</summary>
    /// <remarks>E.g. 1,024 MB gives 1,024 / 1,769 = 0.579 vCPU, so 10 ms of CPU takes 17.3 ms.</remarks>
    public static double VCpusForMemory(double memoryMb) => Math.Min(MaxVCpus, memoryMb / MegabytesPerVCpu);
}
