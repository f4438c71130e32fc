using System.Globalization;
using ServerlessSim.Configuration;
using ServerlessSim.Reporting;

namespace ServerlessSim.Cli;

/// <summary>The rule of <c>--out DIR</c>: results never land among other files unless <c>--force</c> says so.</summary>
/// <remarks>
/// Checked before anything runs, so an hour-long run cannot end on a refusal. DIR may be missing (it is created) or
/// empty. A non-empty DIR is refused without <c>--force</c>; with it, the files of the same names are replaced and
/// every other file is left alone. A sweep shard writes its part into a directory that its sibling shards share:
/// there only its own part file counts, which must not exist yet, unless it is a partial part (its shard was
/// cancelled) or <c>--force</c> is given. A file where DIR should be is always refused.
/// </remarks>
internal static class OutputDirectory
{
    public const string ForceDescription = "Write into a non-empty --out directory, replacing the files of the same names (other files stay).";

    /// <summary>The problems with writing into <paramref name="directory"/>; empty when it may be written (or is null).</summary>
    /// <param name="directory">The --out value, or null.</param>
    /// <param name="force">Whether --force was given.</param>
    /// <param name="partFile">A shard's part file name: only it must not exist.</param>
    public static IReadOnlyList<ValidationError> Check(string? directory, bool force, string? partFile = null)
    {
        if (directory is null)
        {
            return [];
        }

        if (directory.Length == 0 || File.Exists(directory))
        {
            return [Problem(directory, directory.Length == 0 ? "must name a directory" : "is a file; give a directory (it is created if missing)")];
        }

        if (!Directory.Exists(directory) || force)
        {
            return [];
        }

        if (partFile is not null)
        {
            var part = Path.Combine(directory, partFile);
            return (!File.Exists(part) && !Directory.Exists(part)) || IsPartial(part)
                ? []
                : [Problem(part, "already exists (a finished part); a shard does not replace its part without --force")];
        }

        var entries = Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        return entries.Length == 0
            ? []
            : [Problem(directory, string.Create(CultureInfo.InvariantCulture,
                $"is not empty ({entries.Length} {(entries.Length == 1 ? "entry" : "entries")}: {string.Join(", ", entries.Take(3))}{(entries.Length > 3 ? ", ..." : string.Empty)}); results are not written among other files: give a new or empty directory, or --force to replace the files of the same names"))];
    }

    /// <summary>Creates <paramref name="directory"/> if it is given and missing.</summary>
    /// <exception cref="ScenarioValidationException">It cannot be created (exit code 2: the path is the problem).</exception>
    public static void Create(string? directory)
    {
        if (directory is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScenarioValidationException([Problem(directory, $"cannot be created: {e.Message}")]);
        }
    }

    private static bool IsPartial(string part)
    {
        try
        {
            return SweepDocumentReader.Load(part).Partial;
        }
        catch (ScenarioValidationException)
        {
            return false;
        }
    }

    private static ValidationError Problem(string path, string rule) => new("--out", $"\"{path}\"", rule);
}
