using ServerlessSim.Tests.Configuration;

namespace ServerlessSim.Tests.Workload.Traces;

/// <summary>The trace samples shipped in data/traces, and small files written for a test.</summary>
internal static class TraceSamples
{
    /// <summary>data/traces of the repository holding the tests.</summary>
    public static string Directory => Path.GetFullPath(Path.Combine(ExampleFiles.Directory, "..", "..", "data", "traces"));

    /// <summary>The 10 functions x 1,440 minutes sample of the Azure Functions 2019 trace.</summary>
    public static string Azure2019TenFunctions => Path.Combine(Directory, "azure-functions-2019", "invitro-10fn-fullday");

    /// <summary>The 500 functions x 480 minutes sample of the Azure Functions 2019 trace.</summary>
    public static string Azure2019FiveHundredFunctions => Path.Combine(Directory, "azure-functions-2019", "invitro-500fn-min480-959");

    /// <summary>The 198-invocation excerpt of the Azure Functions 2021 trace.</summary>
    public static string Azure2021 => Path.Combine(Directory, "azure-functions-2021", "Azure2021_200.csv");

    /// <summary>A fresh temporary directory holding <paramref name="files"/> (name to content, written as UTF-8 without a byte-order mark).</summary>
    public static string Write(params (string Name, string Content)[] files) =>
        WriteBytes(files.Select(f => (f.Name, new System.Text.UTF8Encoding(false).GetBytes(f.Content))).ToArray());

    /// <summary>Where this test run writes its files; deleted when the run ends (<see cref="TraceFilesCleanup"/>).</summary>
    public static string TemporaryRoot { get; } = Path.Combine(Path.GetTempPath(), "serverless-sim-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A fresh temporary directory holding <paramref name="files"/> as raw bytes.</summary>
    public static string WriteBytes(params (string Name, byte[] Content)[] files)
    {
        var directory = Path.Combine(TemporaryRoot, Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        foreach (var (name, content) in files)
        {
            File.WriteAllBytes(Path.Combine(directory, name), content);
        }

        return directory;
    }

    /// <summary>The rows of a CSV file split naively on commas (the test's own reading, independent of the library's).</summary>
    public static List<string[]> Rows(string path) => File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToList();
}
