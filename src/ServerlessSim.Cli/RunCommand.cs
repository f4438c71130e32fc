using System.CommandLine;
using ServerlessSim.Configuration;

namespace ServerlessSim.Cli;

/// <summary><c>serverless-sim run SCENARIO.json</c>: a scenario file (docs/scenario-format.md).</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var options = new CommonOptions();
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (JSON; see docs/scenario-format.md)." };
        var command = new Command(
            "run",
            "Run a scenario file (see docs/scenario-format.md; serverless-sim init writes one; its experiment section sets the warm-up method and a precision target) and print the side-by-side table, or --format json|csv|md.")
        {
            scenario,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            Task.Run(() => ScenarioExecution.Run(() => ExperimentFile.Load(parse.GetValue(scenario)!), parse, options, stdout, stderr, cancellationToken), CancellationToken.None));
        return command;
    }
}
