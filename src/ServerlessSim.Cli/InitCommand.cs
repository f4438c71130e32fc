using System.CommandLine;
using ServerlessSim.Configuration;
using ServerlessSim.Reporting;

namespace ServerlessSim.Cli;

/// <summary><c>serverless-sim init [PATH]</c>: writes a commented starter scenario to edit and run.</summary>
internal static class InitCommand
{
    public const string DefaultPath = "scenario.json";

    public static Command Create(TextWriter stdout)
    {
        var path = new Argument<string>("path")
        {
            Description = $"Where to write the scenario (default: {DefaultPath}).",
            DefaultValueFactory = _ => DefaultPath,
        };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists." };
        var command = new Command("init", "Write a commented starter scenario file (an API with a burst, Lambda against 80 requests per instance) to edit and run.")
        {
            path, force,
        };
        command.SetAction(parse => Write(parse.GetValue(path)!, parse.GetValue(force), stdout));
        return command;
    }

    private static ScenarioValidationException Problem(string path, string rule) => new([new ValidationError("path", $"\"{path}\"", rule)]);

    private static int Write(string path, bool force, TextWriter stdout)
    {
        if (Directory.Exists(path))
        {
            throw Problem(path, $"is a folder; give a file name such as {Path.Combine(path, DefaultPath)}");
        }

        if (File.Exists(path) && !force)
        {
            throw Problem(path, "already exists; init does not overwrite a file without --force");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && File.Exists(directory))
        {
            throw Problem(path, $"is inside {directory}, which is a file; give a path in a folder");
        }

        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        AtomicFile.WriteAllText(path, StarterScenario.Json);
        stdout.WriteLine($"wrote {path}; run it with: serverless-sim run {path}");
        return ExitCodes.Success;
    }
}
