namespace ServerlessSim.Platform.EventSources;

/// <summary>One invocation's work for a batch: the CPU its messages demand, and how long its CPU-bound and IO-bound parts take on the environment.</summary>
/// <param name="Items">Messages in the batch.</param>
/// <param name="CpuSeconds">CPU demanded, on one full vCPU (the useful work, overhead included).</param>
/// <param name="CpuPhaseSeconds">How long the CPU-bound part takes on the environment's vCPUs.</param>
/// <param name="IoSeconds">How long the IO-bound part takes after it.</param>
internal readonly record struct BatchWork(int Items, double CpuSeconds, double CpuPhaseSeconds, double IoSeconds)
{
    /// <summary>The invocation's duration: CPU part then IO part.</summary>
    public double DurationSeconds => CpuPhaseSeconds + IoSeconds;
}
