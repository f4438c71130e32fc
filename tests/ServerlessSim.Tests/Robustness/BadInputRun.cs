using System.Collections.Concurrent;
using ServerlessSim.Tests.TestSupport;

namespace ServerlessSim.Tests.Robustness;

/// <summary>What the command did with a <see cref="BadInput"/>: its exit code, output, and the files it left in the case's directory.</summary>
internal sealed record BadInputRun(int Exit, string Out, string Err, IReadOnlyList<string> FilesBefore, IReadOnlyList<string> FilesAfter)
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<BadInputRun>>> Runs = new(StringComparer.Ordinal);

    /// <summary>The problem lines of standard error (indented by two spaces), with the case's directory removed from paths.</summary>
    public IReadOnlyList<string> ProblemLines => Err.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l[2..].TrimEnd('\r')).ToArray();

    /// <summary>Runs <paramref name="input"/> once per test run (the catalogue test and the page share the result).</summary>
    public static Task<BadInputRun> Of(BadInput input) => Runs.GetOrAdd(input.ToString(), _ => new Lazy<Task<BadInputRun>>(() => Execute(input))).Value;

    private static async Task<BadInputRun> Execute(BadInput input)
    {
        var directory = Directory.CreateTempSubdirectory("serverless-sim-bad-input-").FullName;
        try
        {
            foreach (var (name, content) in input.Files)
            {
                var path = Path.Combine(directory, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, content());
            }

            var before = Listing(directory);
            var (exit, stdout, stderr) = await CliRunner.Run(input.Args.Select(a => a.Replace(BadInput.Dir, directory, StringComparison.Ordinal)).ToArray());
            var relative = directory + Path.DirectorySeparatorChar;
            return new BadInputRun(exit, stdout, stderr.Replace(relative, string.Empty, StringComparison.Ordinal).Replace(directory, ".", StringComparison.Ordinal), before, Listing(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string[] Listing(string directory) =>
        Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(directory, p)).Order(StringComparer.Ordinal).ToArray();
}
