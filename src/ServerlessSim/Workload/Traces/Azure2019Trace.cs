using ServerlessSim.Configuration;

namespace ServerlessSim.Workload.Traces;

/// <summary>Reads the Azure Functions 2019 trace ("Serverless in the Wild", ATC'20) for replay: per-minute invocation counts, duration percentiles and app memory.</summary>
/// <remarks>
/// <para>
/// The three files join on HashOwner, HashApp and HashFunction (memory on HashOwner and HashApp when it is Azure's
/// per-app file). Each kept function replays its per-minute counts as a <see cref="BinnedCountArrivals"/>, spread
/// within each minute as <see cref="TraceReplayOptions.Spread"/> says (uniform by default: exactly the recorded count
/// per minute); its durations follow the file's percentiles (ms, converted to seconds), and its memory is the app's
/// <c>AverageAllocatedMb</c>. The trace counts an invocation in the minute it ends; the replay treats the minute as
/// its arrival minute (durations are mostly far below a minute). Functions without a durations row are left out
/// (counted in <see cref="TraceWorkload.Notes"/>); without a memory row, their memory is null.
/// </para>
/// <para>
/// Data: Microsoft Azure, "Azure Functions Trace 2019", Azure Public Dataset, CC BY 4.0 (docs/workloads.md has the
/// citation). Thread-safe: the methods keep no state.
/// </para>
/// </remarks>
public static class Azure2019Trace
{
    /// <summary>The invocations file name in a directory (invitro's samples; Azure's own names are found too).</summary>
    public const string InvocationsFileName = "invocations.csv";

    /// <summary>The durations file name in a directory.</summary>
    public const string DurationsFileName = "durations.csv";

    /// <summary>The memory file name in a directory (optional).</summary>
    public const string MemoryFileName = "memory.csv";

    private const string Subject = "The Azure Functions 2019 trace";

    /// <summary>Reads the trace in <paramref name="directory"/>: invocations.csv, durations.csv and optionally memory.csv, or Azure's file names for one day.</summary>
    /// <exception cref="ScenarioValidationException">Missing files, bad options, or malformed lines (each as <c>file:line</c>); lists them all.</exception>
    public static TraceWorkload Load(string directory, TraceReplayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var problems = TraceFiles.CheckOptions(options ?? TraceReplayOptions.Default);
        var files = TraceFiles.Resolve2019(directory, problems);
        problems.ThrowIfAny(Subject);
        return Load(files!.Value.Invocations, files.Value.Durations, files.Value.Memory, options, directory);
    }

    /// <summary>Reads the trace from its three files (<paramref name="memoryPath"/> may be null).</summary>
    /// <exception cref="ScenarioValidationException">Missing files, bad options, or malformed lines (each as <c>file:line</c>); lists them all.</exception>
    public static TraceWorkload Load(string invocationsPath, string durationsPath, string? memoryPath, TraceReplayOptions? options = null) =>
        Load(invocationsPath, durationsPath, memoryPath, options, invocationsPath);

    private static TraceWorkload Load(string invocationsPath, string durationsPath, string? memoryPath, TraceReplayOptions? options, string source)
    {
        ArgumentNullException.ThrowIfNull(invocationsPath);
        ArgumentNullException.ThrowIfNull(durationsPath);
        options ??= TraceReplayOptions.Default;
        var problems = TraceFiles.CheckOptions(options);
        var durations = Azure2019Durations.Read(durationsPath, problems);
        var memory = memoryPath is null ? [] : Azure2019Memory.Read(memoryPath, problems);
        using var invocations = Azure2019Invocations.Open(invocationsPath, problems);
        var selection = new TraceSelection<Row>(options);
        var withoutDurations = 0;
        while (invocations is not null && invocations.Next())
        {
            var key = invocations.Key;
            if (!selection.Accepts(key.Function, invocations.Trigger))
            {
                continue;
            }

            if (!durations.ContainsKey(key))
            {
                withoutDurations++;
            }
            else if (selection.WouldKeep(key.Function, invocations.Total))
            {
                selection.Offer(new Row(key, invocations.Trigger, invocations.Counts.ToArray()), key.Function, invocations.Total);
            }
        }

        var kept = selection.Kept();
        if (invocations is not null && problems.Count == 0)
        {
            problems.AnyKept(kept.Count, invocations.Functions, invocationsPath, $"passes the selection (functionIds, triggers, sample) and has a row in {durationsPath}");
        }

        problems.ThrowIfAny(Subject);
        var names = TraceSelection<Row>.UniqueNames(kept.Select(r => (r.Key.Function, (string?)r.Key.App)).ToArray());
        var binSeconds = 60 * options.TimeScale;
        var functions = new TraceFunction[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            var row = kept[i];
            if (!RateScaling.ScaleCounts(row.Counts, options.RateScale, RateScaling.StreamFor(options, row.Key.Function)))
            {
                problems.Add("options.rateScale", options.RateScale.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                    $"makes a minute of function {row.Key.Function} exceed 2147483647 invocations");
                continue;
            }

            var duration = durations[row.Key];
            functions[i] = new TraceFunction(
                names[i], row.Key.Function, row.Key.App, row.Trigger, Azure2019Memory.Lookup(memory, row.Key),
                BinnedCountArrivals.Own(row.Counts, binSeconds, options.Spread), duration,
                WorkProfile.FromDuration(duration, options.CpuFraction), row.Counts.Sum(c => (long)c));
        }

        problems.ThrowIfAny(Subject);
        return new TraceWorkload(
            "azure2019", source, functions, invocations!.Minutes * binSeconds, (invocations.FirstMinute - 1) * 60.0, invocations.Functions,
            Notes(withoutDurations, durationsPath, memoryPath, functions));
    }

    private static string[] Notes(int withoutDurations, string durationsPath, string? memoryPath, TraceFunction[] functions)
    {
        var notes = new List<string>();
        if (withoutDurations > 0)
        {
            notes.Add($"{withoutDurations} functions that passed the filters have no row in {durationsPath} and were left out.");
        }

        var withoutMemory = functions.Count(f => f.MemoryMb is null);
        if (withoutMemory > 0)
        {
            notes.Add(memoryPath is null
                ? "No memory file: every function's memory is unknown."
                : $"{withoutMemory} kept functions have no row (nor their app) in {memoryPath}: their memory is unknown.");
        }

        return notes.ToArray();
    }

    private sealed record Row(FunctionKey Key, string Trigger, int[] Counts);
}
