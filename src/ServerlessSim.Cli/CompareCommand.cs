using System.CommandLine;
using ServerlessSim.Experiments;

namespace ServerlessSim.Cli;

/// <summary><c>serverless-sim compare</c>: the built-in scenario of the team's question, side by side.</summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var options = new CommonOptions();
        var command = new Command(
            "compare",
            "Run the built-in scenario (an IO-heavy API moving to AWS Lambda: 1,000 req/s with a spike to 8,000 req/s) " +
            "under one request per instance and up to 80 per instance, and print the side-by-side table.");
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            Task.Run(() => ScenarioExecution.Run(() => new ExperimentDefinition(BuiltInScenarios.IoHeavyApi(), ExperimentOptions.Fixed), parse, options, stdout, stderr, cancellationToken), CancellationToken.None));
        return command;
    }
}
