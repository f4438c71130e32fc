using System.CommandLine;
using ServerlessSim.Reporting;

namespace ServerlessSim.Cli;

/// <summary><c>serverless-sim init [PATH]</c>: writes a commented starter scenario to edit and run.</summary>
internal static class InitCommand
{
    public const string DefaultPath = "scenario.json";

    public static Command Create(TextWriter stdout, TextWriter stderr)
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
        command.SetAction(parse => Write(parse.GetValue(path)!, parse.GetValue(force), stdout, stderr));
        return command;
    }

    private static int Write(string path, bool force, TextWriter stdout, TextWriter stderr)
    {
        if (Directory.Exists(path))
        {
            stderr.WriteLine($"serverless-sim: path: \"{path}\" is a folder; give a file name such as {Path.Combine(path, DefaultPath)}.");
            return ExitCodes.InvalidInput;
        }

        if (File.Exists(path) && !force)
        {
            stderr.WriteLine($"serverless-sim: path: \"{path}\" already exists; init does not overwrite a file without --force.");
            return ExitCodes.InvalidInput;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        AtomicFile.WriteAllText(path, StarterScenario.Json);
        stdout.WriteLine($"wrote {path}; run it with: serverless-sim run {path}");
        return ExitCodes.Success;
    }
}
