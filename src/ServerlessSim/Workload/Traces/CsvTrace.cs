using ServerlessSim.Configuration;

namespace ServerlessSim.Workload.Traces;

/// <summary>Reads a generic CSV trace for replay, for users' own exports: <c>timestamp[,function][,duration]</c>.</summary>
/// <remarks>
/// <para>
/// The header names the columns, in any order: <c>timestamp</c> (required): the arrival time in seconds (any origin,
/// e.g. Unix time; fractions allowed); <c>function</c> (optional): which function, so one file can hold several
/// (without it every row belongs to one function named after the file); <c>duration</c> (optional): the
/// execution time in seconds; each function's durations are drawn from its recorded ones (without it the functions have no
/// work profile, and the caller's template gives it). Any other column is an error (a misspelt <c>duraton</c> is
/// not silently ignored). Rows need not be sorted; time 0 of the replay is the earliest timestamp.
/// </para>
/// <para>Thread-safe: the methods keep no state.</para>
/// </remarks>
public static class CsvTrace
{
    /// <summary>The header the file should have (function and duration are optional).</summary>
    public const string Header = "timestamp,function,duration";

    private static readonly string[] KnownColumns = ["timestamp", "function", "duration"];

    /// <summary>Reads the trace at <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioValidationException">A missing file, bad options, an unknown column, or malformed lines (each as <c>file:line</c>); lists them all.</exception>
    public static TraceWorkload Load(string path, TraceReplayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= TraceReplayOptions.Default;
        var problems = TraceFiles.CheckOptions(options);
        var builder = new TimestampTraceBuilder(options);
        using (var file = CsvFile.Open(path, problems, Header))
        {
            if (file is not null && Columns(file, problems) is { } columns)
            {
                ReadRows(file, builder, columns, System.Text.Encoding.UTF8.GetBytes(Path.GetFileNameWithoutExtension(path)));
            }
        }

        problems.ThrowIfAny("The CSV trace");
        var workload = builder.Build("csv", path, problems);
        problems.ThrowIfAny("The CSV trace");
        return workload!;
    }

    private static (int Timestamp, int Function, int Duration)? Columns(CsvFile file, TraceProblems problems)
    {
        var valid = true;
        for (var i = 0; i < file.Columns.Count; i++)
        {
            var name = file.Columns[i];
            if (!KnownColumns.Contains(name, StringComparer.Ordinal))
            {
                problems.AtLine(file.Name, 1, $"column {i + 1} \"{name}\"", FieldSuggestions.UnknownFieldRule(name, KnownColumns).Replace("field", "column", StringComparison.Ordinal));
                valid = false;
            }
            else if (file.Columns.Take(i).Contains(name, StringComparer.Ordinal))
            {
                problems.AtLine(file.Name, 1, $"column {i + 1} \"{name}\"", "is given more than once; give each column once");
                valid = false;
            }
        }

        var timestamp = file.Require("timestamp", Header);
        var columns = file.Columns.ToList();
        return valid && timestamp >= 0 ? (timestamp, columns.IndexOf("function"), columns.IndexOf("duration")) : null;
    }

    private static void ReadRows(CsvFile file, TimestampTraceBuilder builder, (int Timestamp, int Function, int Duration) columns, byte[] fileName)
    {
        while (file.NextRow())
        {
            var valid = file.TryTime(columns.Timestamp, out var timestamp);
            double? duration = null;
            if (columns.Duration >= 0)
            {
                valid &= file.TryDuration(columns.Duration, "s", out var seconds);
                duration = seconds;
            }

            if (columns.Function >= 0)
            {
                valid &= file.IsId(columns.Function, "is empty; name the function, or leave out the function column for a single function");
            }

            if (valid)
            {
                builder.Add(default, columns.Function >= 0 ? file.Field(columns.Function) : fileName, timestamp, duration);
            }
        }
    }
}
