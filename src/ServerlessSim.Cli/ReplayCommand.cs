using System.CommandLine;
using ServerlessSim.Configuration;
using ServerlessSim.Experiments;
using ServerlessSim.Workload;
using ServerlessSim.Workload.Traces;

namespace ServerlessSim.Cli;

/// <summary><c>serverless-sim replay FORMAT PATH</c>: a trace against the policies <c>compare</c> uses (docs/workloads.md).</summary>
/// <remarks>
/// The built-in scenario gives everything the trace does not: the account (limit 1,000), the policies, seed and
/// replications, and each function's cold start and keep-alive (and memory or work where the trace has none).
/// </remarks>
internal static class ReplayCommand
{
    private static readonly Dictionary<string, string> OptionNames = new(StringComparer.Ordinal)
    {
        ["options"] = "--functions",
        ["options.timeScale"] = "--time-scale",
        ["options.rateScale"] = "--rate-scale",
        ["options.cpuFraction"] = "--cpu-fraction",
    };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var options = new CommonOptions();
        var format = new Argument<TraceFormat>("format") { Description = "The trace format: azure2019 (a directory), azure2021 or csv (a file)." }.Choice();
        var path = new Argument<string>("path") { Description = "The trace: the Azure 2019 directory (invocations.csv, durations.csv, memory.csv) or the CSV file." };
        var functions = new Option<string[]>("--functions") { Description = TraceSelectors.Help, HelpName = "SELECTOR", AllowMultipleArgumentsPerToken = false };
        var timeScale = new Option<double?>("--time-scale") { Description = "Multiply arrival times (0.5 replays a day in 12 hours at twice the rate).", HelpName = "X" }
            .Number(0, TraceReplayOptions.MaxTimeScale, minExclusive: true);
        var rateScale = new Option<double?>("--rate-scale") { Description = "Multiply the number of arrivals (0.1 keeps a tenth, 2 doubles them).", HelpName = "X" }
            .Number(0, TraceReplayOptions.MaxRateScale, minExclusive: true);
        var spread = new Option<WithinBinSpread?>("--spread") { Description = "Azure 2019: place each minute's invocations uniformly (default), evenlySpaced, or as poisson.", HelpName = "HOW" }
            .Choice();
        var cpuFraction = new Option<double?>("--cpu-fraction") { Description = "The share of each recorded duration spent on CPU, 0..1 (default 0: all IO wait).", HelpName = "X" }
            .Number(0, 1, minExclusive: false);
        var command = new Command(
            "replay",
            "Replay a trace (Azure Functions 2019 or 2021, or your own CSV) in one account, under the policies compare uses, " +
            "and print the account's side-by-side table and the busiest functions.")
        {
            format, path, functions, timeScale, rateScale, spread, cpuFraction,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.Run(
            () => ScenarioExecution.Run(
                () =>
                {
                    var replay = TraceSelectors.Apply(TraceReplayOptions.Default, parse.GetValue(functions) ?? []) with
                    {
                        TimeScale = parse.GetValue(timeScale) ?? 1,
                        RateScale = parse.GetValue(rateScale) ?? 1,
                        Spread = parse.GetValue(spread) ?? WithinBinSpread.Uniform,
                        CpuFraction = parse.GetValue(cpuFraction) ?? 0,
                    };
                    TraceWorkload workload;
                    try
                    {
                        workload = TraceReplay.Load(parse.GetValue(format), parse.GetValue(path)!, replay);
                    }
                    catch (ScenarioValidationException e)
                    {
                        // The readers name their options as in C# (options.rateScale); here they are command-line options.
                        throw new ScenarioValidationException(e.Errors.Select(error => error with { Path = OptionNames.GetValueOrDefault(error.Path, error.Path) }).ToArray());
                    }

                    var builtIn = BuiltInScenarios.IoHeavyApi();
                    foreach (var note in workload.Notes)
                    {
                        stderr.WriteLine($"serverless-sim: {note}");
                    }

                    return new ExperimentDefinition(TraceReplay.ToScenario(workload, builtIn, builtIn.Function), ExperimentOptions.Fixed);
                },
                parse,
                options,
                stdout,
                stderr,
                cancellationToken),
            CancellationToken.None));
        return command;
    }
}
