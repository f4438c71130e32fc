using System.CommandLine;
using ServerlessSim.Configuration;
using ServerlessSim.Engine;

namespace ServerlessSim.Cli;

/// <summary>The command tree of serverless-sim and the one place where failures become exit codes.</summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            "serverless-sim: simulate one request per instance (AWS Lambda) against many requests per instance " +
            "(Cloud Run, Knative) on the same traffic: latency, cold starts, throttling, instances and cost.")
        {
            CompareCommand.Create(stdout, stderr),
            RunCommand.Create(stdout, stderr),
            ReplayCommand.Create(stdout, stderr),
            ValidateCommand.Create(stdout, stderr),
            SweepCommand.Create(stdout, stderr),
            MergeCommand.Create(stdout, stderr),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"serverless-sim: {error.Message}");
            }

            await stderr.WriteLineAsync("Run 'serverless-sim --help' for usage.");
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
            await stderr.WriteLineAsync($"serverless-sim: invalid input ({ex.Errors.Count} problem{(ex.Errors.Count == 1 ? string.Empty : "s")}):");
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
    }
}
