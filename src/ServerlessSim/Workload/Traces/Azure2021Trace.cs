using ServerlessSim.Configuration;

namespace ServerlessSim.Workload.Traces;

/// <summary>Reads the Azure Functions Invocation Trace 2021 for replay: one row per invocation, <c>app,func,end_timestamp,duration</c>.</summary>
/// <remarks>
/// <para>
/// Times are in seconds. An invocation arrives at end_timestamp - duration; rows may come in any order (each
/// function's arrivals are sorted), and time 0 of the replay is the earliest arrival in the file. A function is an
/// (app, func) pair: func ids are unique only within their app. Each function's duration is drawn from its own
/// recorded durations (<see cref="Randomness.EmpiricalDistribution.Resampling"/>). Other columns are ignored.
/// </para>
/// <para>
/// Data: Microsoft Azure, "Azure Functions Invocation Trace 2021", Azure Public Dataset, CC BY 4.0 (docs/workloads.md
/// has the citation). Thread-safe: the methods keep no state.
/// </para>
/// </remarks>
public static class Azure2021Trace
{
    /// <summary>The header the file should have.</summary>
    public const string Header = "app,func,end_timestamp,duration";

    private const string EmptyId = "is empty; every row needs its app and func ids";

    /// <summary>Reads the trace at <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioValidationException">A missing file, bad options, or malformed lines (each as <c>file:line</c>); lists them all.</exception>
    public static TraceWorkload Load(string path, TraceReplayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= TraceReplayOptions.Default;
        var problems = TraceFiles.CheckOptions(options);
        var builder = new TimestampTraceBuilder(options);
        using (var file = CsvFile.Open(path, problems, Header))
        {
            if (file is not null)
            {
                ReadRows(file, builder);
            }
        }

        problems.ThrowIfAny("The Azure Functions 2021 trace");
        var workload = builder.Build("azure2021", path, problems);
        problems.ThrowIfAny("The Azure Functions 2021 trace");
        return workload!;
    }

    private static void ReadRows(CsvFile file, TimestampTraceBuilder builder)
    {
        var app = file.Require("app", Header);
        var func = file.Require("func", Header);
        var end = file.Require("end_timestamp", Header);
        var duration = file.Require("duration", Header);
        if (app < 0 || func < 0 || end < 0 || duration < 0)
        {
            return;
        }

        while (file.NextRow())
        {
            var ids = file.IsId(app, EmptyId) & file.IsId(func, EmptyId);
            var times = file.TryTime(end, out var endSeconds) &
                        file.TryDuration(duration, "s", out var seconds);
            if (ids && times)
            {
                builder.Add(file.Field(app), file.Field(func), endSeconds - seconds, seconds);
            }
        }
    }
}
