using System.Text.RegularExpressions;
using ServerlessSim.Tests.Configuration;

namespace ServerlessSim.Tests.Engine;

/// <summary>No ambient time or randomness in the library: every run is reproducible from its seed.</summary>
public partial class BannedApiTests
{
    [Test]
    public void The_library_uses_no_wall_clock_and_no_unseeded_randomness()
    {
        var library = Path.GetFullPath(Path.Combine(ExampleFiles.Directory, "..", "..", "src", "ServerlessSim"));
        var offenders = Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => Banned().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(library, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToArray();

        Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories).Should().NotBeEmpty();
        offenders.Should().BeEmpty("time must be simulated time and every random draw must come from a seeded substream");
    }

    [GeneratedRegex(@"DateTime(Offset)?\.(Now|UtcNow|Today)|new Random\(|Random\.Shared|Environment\.TickCount|Stopwatch")]
    private static partial Regex Banned();
}
