namespace ServerlessSim.Workload.Traces;

/// <summary>A trace read for replay: the kept functions, busiest first, and the trace's length.</summary>
/// <param name="Format">The format read: <c>azure2019</c>, <c>azure2021</c> or <c>csv</c>.</param>
/// <param name="Source">The file or directory read.</param>
/// <param name="Functions">The kept functions, busiest first (ties by id).</param>
/// <param name="DurationSeconds">
/// The replay's length after time scaling, in seconds: every arrival is before it, so it serves as a horizon
/// (Azure 2019: minutes x 60 s; timestamp traces: the last arrival, rounded down to a whole second, plus 1 s).
/// </param>
/// <param name="OriginSeconds">
/// The trace's own time at t = 0, in seconds (Azure 2019: (first minute column - 1) x 60, the day's columns being
/// 1..1440; timestamp traces: the earliest arrival of any function in the file, before selection).
/// </param>
/// <param name="FunctionsInTrace">How many functions the file holds, before selection.</param>
/// <param name="Notes">What the reader left out or assumed, for reports (e.g. functions without a durations row).</param>
public sealed record TraceWorkload(
    string Format,
    string Source,
    IReadOnlyList<TraceFunction> Functions,
    double DurationSeconds,
    double OriginSeconds,
    int FunctionsInTrace,
    IReadOnlyList<string> Notes)
{
    /// <summary>The arrivals of the whole replay, over every kept function.</summary>
    public long Invocations => Functions.Sum(f => f.Invocations);
}
