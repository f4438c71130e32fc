using ServerlessSim.Randomness;

namespace ServerlessSim.Workload.Traces;

/// <summary>A function of the Azure Functions 2019 trace: the three ids that join its files.</summary>
internal readonly record struct FunctionKey(string Owner, string App, string Function);

/// <summary>Reads the Azure 2019 durations file: per function, the duration distribution from its percentiles (ms in the file, seconds out).</summary>
/// <remarks>
/// The percentiles (0, 1, 25, 50, 75, 99, 100) are of the 30-second average durations over the whole day, weighted by
/// invocations; they become an <see cref="EmpiricalDistribution"/> with the quantile function interpolated linearly
/// between them. E.g. 1, 247, 269, 282, 304, 481, 130686 ms: half the draws are within 269..304 ms.
/// </remarks>
internal static class Azure2019Durations
{
    /// <summary>The header the file should have.</summary>
    public const string Header =
        "HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,percentile_Average_1,percentile_Average_25," +
        "percentile_Average_50,percentile_Average_75,percentile_Average_99,percentile_Average_100";

    private static readonly int[] Percentiles = [0, 1, 25, 50, 75, 99, 100];

    /// <summary>Each function's duration distribution, in seconds; problems go to <paramref name="problems"/>.</summary>
    public static Dictionary<FunctionKey, EmpiricalDistribution> Read(string path, TraceProblems problems)
    {
        var durations = new Dictionary<FunctionKey, EmpiricalDistribution>();
        using var file = CsvFile.Open(path, problems, Header);
        if (file is null || Azure2019Keys.Columns(file, Header) is not { } keys)
        {
            return durations;
        }

        var columns = Percentiles.Select(p => file.Require($"percentile_Average_{p}", Header)).ToArray();
        if (columns.Any(c => c < 0))
        {
            return durations;
        }

        var firstLine = new Dictionary<FunctionKey, long>();
        var points = new (double Percentile, double Seconds)[Percentiles.Length];
        while (file.NextRow())
        {
            var key = keys.Read(file);
            var valid = ReadPoints(file, columns, points);
            if (key is { } k && valid && Azure2019Keys.IsFirst(file, k, firstLine))
            {
                durations[k] = EmpiricalDistribution.FromPercentiles(points);
            }
        }

        return durations;
    }

    private static bool ReadPoints(CsvFile file, int[] columns, (double Percentile, double Seconds)[] points)
    {
        var valid = true;
        for (var i = 0; i < columns.Length; i++)
        {
            if (!file.TryDuration(columns[i], "ms", out var ms))
            {
                valid = false;
                continue;
            }

            points[i] = (Percentiles[i], ms / 1000);
            if (valid && i > 0 && points[i].Seconds < points[i - 1].Seconds)
            {
                file.Bad(columns[i], $"is below percentile_Average_{Percentiles[i - 1]} ({TraceProblems.Show(file.Field(columns[i - 1]))} ms); percentiles must not decrease");
                valid = false;
            }
        }

        return valid;
    }
}
