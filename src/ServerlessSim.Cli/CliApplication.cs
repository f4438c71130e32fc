using System.CommandLine;
using ServerlessSim.Configuration;
using ServerlessSim.Engine;

namespace ServerlessSim.Cli;

/// <summary>The command tree of serverless-sim and the one place where failures become exit codes.</summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var compare = CompareCommand.Create(stdout, stderr);
        var run = RunCommand.Create(stdout, stderr);
        var validate = ValidateCommand.Create(stdout, stderr);
        var init = InitCommand.Create(stdout);
        var replay = ReplayCommand.Create(stdout, stderr);
        var sweep = SweepCommand.Create(stdout, stderr);
        var merge = MergeCommand.Create(stdout, stderr);
        var root = new RootCommand(
            "serverless-sim: simulate one request per instance (AWS Lambda) against many requests per instance " +
            "(Cloud Run, Knative) on the same traffic: latency, cold starts, throttling, instances and cost.")
        {
            compare, run, replay, validate, sweep, merge, init, FaqCommand.Create(stdout),
        };
        HelpWithExamples.Install(root, new Dictionary<Command, IReadOnlyList<(string CommandLine, string What)>>
        {
            [root] = CommandExamples.Root,
            [compare] = CommandExamples.Compare,
            [run] = CommandExamples.Run,
            [validate] = CommandExamples.Validate,
            [init] = CommandExamples.Init,
        });

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var lines = ParseErrorReport.Lines(parsed);
            await stderr.WriteLineAsync($"serverless-sim: invalid input ({Problems(lines.Count)}):");
            foreach (var line in lines)
            {
                await stderr.WriteLineAsync($"  {line}");
            }

            var command = parsed.CommandResult.Command;
            await stderr.WriteLineAsync($"Run 'serverless-sim {(command is RootCommand ? string.Empty : command.Name + " ")}--help' for usage.");
            return ExitCodes.InvalidInput;
        }

        try
        {
            // SIGINT (Ctrl+C) and SIGTERM cancel the token the commands run with; a run stops within a second
            // (the engine looks every 65,536 events) and writes what it has, marked partial. The timeout is how long
            // that may take before the process is ended anyway.
            var configuration = new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
            };
            return await parsed.InvokeAsync(configuration);
        }
        catch (ScenarioValidationException ex)
        {
            await stderr.WriteLineAsync($"serverless-sim: invalid input ({Problems(ex.Errors.Count)}):");
            foreach (var error in ex.Errors)
            {
                await stderr.WriteLineAsync($"  {error}");
            }

            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("serverless-sim: cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (SimulationException ex)
        {
            await stderr.WriteLineAsync($"serverless-sim: the simulation failed: {ex.Message}");
            return ExitCodes.UnexpectedFailure;
        }
        catch (IOException ex)
        {
            await stderr.WriteLineAsync($"serverless-sim: could not write output: {ex.Message}");
            return ExitCodes.UnexpectedFailure;
        }
        catch (UnauthorizedAccessException ex)
        {
            await stderr.WriteLineAsync($"serverless-sim: could not write output: {ex.Message}");
            return ExitCodes.UnexpectedFailure;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug, not bad input: say what failed, without a stack trace, and ask for a report.
            await stderr.WriteLineAsync($"serverless-sim: unexpected failure ({ex.GetType().Name}: {ex.Message}); please report it with the command line.");
            return ExitCodes.UnexpectedFailure;
        }
    }

    private static string Problems(int count) => count == 1 ? "1 problem" : $"{count} problems";
}
