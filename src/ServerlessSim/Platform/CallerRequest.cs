namespace ServerlessSim.Platform;

/// <summary>One attempt of a request, as its callers see it: when it arrived and the work it carries.</summary>
/// <param name="ArrivalSeconds">When this attempt reached the platform (a retry's own time; the request's first arrival is kept by <see cref="Callers"/>).</param>
/// <param name="CpuSeconds">CPU demand, in seconds.</param>
/// <param name="IoSeconds">IO wait, in seconds.</param>
/// <param name="MemoryMb">Memory it holds on an instance with a memory limit, in MB (0 without).</param>
/// <param name="Counted">Whether the request arrived in the measured window.</param>
internal readonly record struct CallerRequest(double ArrivalSeconds, double CpuSeconds, double IoSeconds, double MemoryMb, bool Counted);
