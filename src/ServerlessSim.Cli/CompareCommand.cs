using System.CommandLine;
using ServerlessSim.Experiments;

namespace ServerlessSim.Cli;

/// <summary><c>serverless-sim compare</c>: the built-in scenario of the team's question, side by side.</summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var options = new CommonOptions();
        var asynchronous = new Option<bool>("--async")
        {
            Description = "The same traffic as asynchronous events, with a third policy: an SQS queue in front of Lambda invoking it with batches.",
        };
        var command = new Command(
            "compare",
            "Run the built-in scenario (an IO-heavy API moving to AWS Lambda: 1,000 req/s with a spike to 8,000 req/s) " +
            "under AWS Lambda (one request per instance) and up to 80 per instance, and print the side-by-side table; " +
            "with --async, as asynchronous events, and also through an SQS queue with batched invocations.");
        options.AddTo(command);
        command.Options.Add(asynchronous);
        command.SetAction((parse, cancellationToken) =>
            Task.Run(
                () => ScenarioExecution.Run(
                    () => new ExperimentDefinition(parse.GetValue(asynchronous) ? BuiltInScenarios.IoHeavyApiAsync() : BuiltInScenarios.IoHeavyApi(), ExperimentOptions.Fixed),
                    parse, options, stdout, stderr, cancellationToken),
                CancellationToken.None));
        return command;
    }
}
