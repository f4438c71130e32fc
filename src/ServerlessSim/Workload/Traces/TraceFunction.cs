using ServerlessSim.Platform;
using ServerlessSim.Randomness;

namespace ServerlessSim.Workload.Traces;

/// <summary>One function of a replayed trace: its traffic, and what the trace says about its durations and memory.</summary>
/// <param name="Name">A name unique within the workload: the function's id, or app/id where two apps share an id.</param>
/// <param name="Id">The function's id in the trace (Azure 2019: HashFunction; Azure 2021: func; CSV: the function column).</param>
/// <param name="App">The application's id (HashApp, app), or null when the format has none.</param>
/// <param name="Trigger">The trigger (Azure 2019: http, timer, event, queue, storage, orchestration, others), or null.</param>
/// <param name="MemoryMb">The app's average allocated memory, in MB (Azure 2019 <c>AverageAllocatedMb</c>), or null when not known.</param>
/// <param name="Arrivals">The replayed arrivals, in seconds from the start of the run.</param>
/// <param name="Duration">The distribution of one execution's duration, in seconds (uncontended), or null when the trace has no durations.</param>
/// <param name="Work">The duration split into CPU and IO wait (<see cref="TraceReplayOptions.CpuFraction"/>), or null with no durations.</param>
/// <param name="Invocations">The arrivals of a whole replay (after rate scaling; the expectation with Poisson spreading).</param>
public sealed record TraceFunction(
    string Name,
    string Id,
    string? App,
    string? Trigger,
    double? MemoryMb,
    ArrivalProcess Arrivals,
    IDistribution? Duration,
    WorkProfile? Work,
    long Invocations)
{
    /// <summary>The smallest memory size <see cref="ToFunctionDefinition"/> gives, in MB (Lambda's minimum).</summary>
    public const double MinMemoryMb = 128;

    /// <summary>The largest memory size <see cref="ToFunctionDefinition"/> gives, in MB (Lambda's maximum).</summary>
    public const double MaxMemoryMb = 10_240;

    /// <summary>
    /// <paramref name="template"/> with this function's name, arrivals, work and memory; cold start, keep-alive and
    /// instance cap (and work or memory the trace does not give) come from the template.
    /// </summary>
    /// <remarks>Memory is rounded up to a whole MB and kept within Lambda's 128..10,240 MB: e.g. an app averaging 9.4 MB gets 128 MB.</remarks>
    public FunctionDefinition ToFunctionDefinition(FunctionDefinition template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template with
        {
            Name = Name,
            MemoryMb = MemoryMb is { } mb ? Math.Clamp(Math.Ceiling(mb), MinMemoryMb, MaxMemoryMb) : template.MemoryMb,
            Arrivals = Arrivals,
            Work = Work ?? template.Work,
        };
    }
}
