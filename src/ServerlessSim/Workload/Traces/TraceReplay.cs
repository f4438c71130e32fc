using ServerlessSim.Configuration;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;

namespace ServerlessSim.Workload.Traces;

/// <summary>Turns a trace into a scenario: one function per trace function, all sharing the template's account and policies.</summary>
public static class TraceReplay
{
    /// <summary>The trace at <paramref name="path"/> (a directory for Azure 2019, a file otherwise).</summary>
    /// <exception cref="ScenarioValidationException">The file is malformed or the options are invalid; every problem named by file:line.</exception>
    public static TraceWorkload Load(TraceFormat format, string path, TraceReplayOptions? options = null) => format switch
    {
        TraceFormat.Azure2019 => Azure2019Trace.Load(path, options),
        TraceFormat.Azure2021 => Azure2021Trace.Load(path, options),
        TraceFormat.Csv => CsvTrace.Load(path, options),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown trace format."),
    };

    /// <summary>
    /// <paramref name="template"/> with its functions replaced by the trace's (each from
    /// <paramref name="function"/>: cold start, keep-alive, instance cap, and memory or work where the trace has
    /// none) and its horizon by the trace's length, with no warm-up: a trace's first minutes are real traffic.
    /// </summary>
    public static Scenario ToScenario(TraceWorkload workload, Scenario template, FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(function);
        return template with
        {
            Name = $"replay {workload.Format} {Path.GetFileName(Path.TrimEndingDirectorySeparator(workload.Source))}",
            Functions = workload.Functions.Select(f => f.ToFunctionDefinition(function)).ToArray(),
            Horizon = SimDuration.FromSeconds(workload.DurationSeconds),
            WarmUp = SimDuration.Zero,
        };
    }
}
