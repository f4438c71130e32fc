using System.CommandLine;
using ServerlessSim.Configuration;
using ServerlessSim.Experiments;
using ServerlessSim.Plotting;
using ServerlessSim.Reporting;

namespace ServerlessSim.Cli;

/// <summary>Runs a scenario for a command and prints or writes its results, as the options ask.</summary>
internal static class ScenarioExecution
{
    /// <summary>Loads the scenario, checks it with the options and --out (every problem at once), runs it and prints or writes the results.</summary>
    /// <param name="load">Reads the command's scenario; its validation errors are reported with those of the options.</param>
    public static int Run(Func<ExperimentDefinition> load, ParseResult parse, CommonOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var errors = new InputErrors();
        var definition = errors.Collect(() => InterruptibleRead.Run(load, cancellationToken));
        var pricesFile = parse.GetValue(options.Prices);
        var prices = pricesFile is null ? null : errors.Collect(() => PriceTableFile.Load(pricesFile, definition?.Scenario.EffectivePrices));
        var outDirectory = parse.GetValue(options.Out);
        errors.Add(OutputDirectory.Check(outDirectory, parse.GetValue(options.Force)));
        errors.ThrowIfAny();

        // --replications asks for a fixed count, so it replaces a precision target as well as the scenario's count;
        // the price file is on top of the scenario's own prices: the command line has the last word.
        var replications = parse.GetValue(options.Replications);
        var scenario = definition!.Scenario with
        {
            Replications = replications ?? definition.Scenario.Replications,
            Seed = parse.GetValue(options.Seed) ?? definition.Scenario.Seed,
            Prices = prices ?? definition.Scenario.Prices,
        };
        var experiment = replications is null ? definition.Options : definition.Options with { Precision = null };
        errors.Add(ScenarioValidator.Validate(scenario).Concat(experiment.Validate(scenario)));
        errors.ThrowIfAny();
        var format = options.FormatOf(parse);
        var quiet = parse.GetValue(options.Quiet);
        var threads = parse.GetValue(options.Threads);
        OutputDirectory.Create(outDirectory);
        var started = System.Diagnostics.Stopwatch.StartNew();
        ComparisonResult result;
        if (RunProgress.Shows(stderr, quiet, format))
        {
            result = RunProgress.Run(scenario, experiment, threads, cancellationToken);
        }
        else
        {
            if (!quiet)
            {
                // Logs get one line instead of the progress bar: what runs, and that Ctrl+C keeps what finished.
                var planned = experiment.Precision is { } target ? $"up to {target.MaxReplications}" : $"{scenario.Replications}";
                stderr.WriteLine(FormattableString.Invariant(
                    $"serverless-sim: running {scenario.Policies.Count} policies x {planned} replications of {scenario.Name}; Ctrl+C stops them and writes those finished"));
            }

            result = Experiment.Run(scenario, experiment, threads, progress: null, cancellationToken);
        }

        var elapsed = started.Elapsed;

        IReadOnlyList<string> written = [];
        if (outDirectory is not null)
        {
            var figures = Charts.WriteForComparison(result, outDirectory);
            written = [.. figures.SelectMany(f => new[] { f.ImageFile, f.VectorFile }).OfType<string>().Select(f => Path.Combine(outDirectory, f)),
                       .. ReportWriter.WriteAll(result, outDirectory, figures)];
        }

        switch (format)
        {
            case OutputFormat.Json:
                stdout.Write(ResultsDocument.ToJson(result));
                stdout.WriteLine();
                break;
            case OutputFormat.Csv:
                stdout.Write(CsvWriters.Summary(result));
                break;
            case OutputFormat.Md:
                stdout.Write(ReportWriter.Markdown(result));
                break;
            default:
                ComparisonTablePrinter.Print(result, quiet ? [] : StatusLines(result, elapsed, written), stdout);
                break;
        }

        if (result.Partial)
        {
            stderr.WriteLine(FormattableString.Invariant(
                $"serverless-sim: cancelled; the results hold the first {result.Scenario.Replications} replication(s) of every policy, marked partial{(outDirectory is null ? string.Empty : " (results.json: \"partial\": true)")}."));
            return ExitCodes.Cancelled;
        }

        return ExitCodes.Success;
    }

    private static IReadOnlyList<string> StatusLines(ComparisonResult result, TimeSpan elapsed, IReadOnlyList<string> written)
    {
        // Arrivals over whole runs (warm-up included), over all policies and replications: what the engine did.
        var arrivals = result.Policies.SelectMany(p => p.Replications).Sum(r => r.TimeSeries.Sum(point => point.Arrivals));
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var runs = result.Policies.Sum(p => p.Replications.Count);
        return
        [
            FormattableString.Invariant(
                $"simulated {arrivals:N0} requests in {elapsed.TotalSeconds:0.0} s ({arrivals / elapsed.TotalSeconds / 1e6:0.00} M requests/s over {runs} runs); peak memory {process.PeakWorkingSet64 / 1048576.0:0} MB"),
            .. written.Select(path => "wrote " + path),
        ];
    }
}
