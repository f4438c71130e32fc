namespace ServerlessSim.Workload.Traces;

/// <summary>Reads the Azure 2019 memory file: each app's average allocated memory, in MB (column <c>AverageAllocatedMb</c>).</summary>
/// <remarks>
/// Azure's own file (<c>app_memory_percentiles</c>) has one row per app; invitro's variant repeats the app's row for
/// each of its functions and adds HashFunction. Both are read: keys carry an empty Function for per-app rows.
/// <c>AverageAllocatedMb</c> is the mean over the day of the app's 1-minute average committed memory; the
/// percentile columns are ignored.
/// </remarks>
internal static class Azure2019Memory
{
    /// <summary>The header the file should have (Azure's per-app form; invitro's adds HashFunction).</summary>
    public const string Header = "HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,...,AverageAllocatedMb_pct100";

    /// <summary>The average allocated MB of each app (per-app rows) or function (per-function rows).</summary>
    public static Dictionary<FunctionKey, double> Read(string path, TraceProblems problems)
    {
        var memory = new Dictionary<FunctionKey, double>();
        using var file = CsvFile.Open(path, problems, Header);
        if (file is null || Azure2019Keys.Columns(file, Header, functionRequired: false) is not { } keys)
        {
            return memory;
        }

        var average = file.Require("AverageAllocatedMb", Header);
        if (average < 0)
        {
            return memory;
        }

        var firstLine = new Dictionary<FunctionKey, long>();
        while (file.NextRow())
        {
            var key = keys.Read(file);
            var valid = file.TryNumber(average, "is not a memory size in MB (a number of at least 0)", out var mb, min: 0);
            if (key is { } k && valid && Azure2019Keys.IsFirst(file, k, firstLine))
            {
                memory[k] = mb;
            }
        }

        return memory;
    }

    /// <summary>The memory of <paramref name="key"/>'s function, or else of its app; null if neither is known.</summary>
    public static double? Lookup(Dictionary<FunctionKey, double> memory, FunctionKey key) =>
        memory.TryGetValue(key, out var mb) || memory.TryGetValue(key with { Function = string.Empty }, out mb) ? mb : null;
}
