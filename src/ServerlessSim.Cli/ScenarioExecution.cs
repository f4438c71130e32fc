using System.CommandLine;
using ServerlessSim.Configuration;
using ServerlessSim.Experiments;
using ServerlessSim.Reporting;
using Spectre.Console;

namespace ServerlessSim.Cli;

/// <summary>Runs a scenario for a command and prints or writes its results, as the options ask.</summary>
internal static class ScenarioExecution
{
    private const int TopFunctions = 10;

    public static int Run(ExperimentDefinition definition, ParseResult parse, CommonOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        // --replications asks for a fixed count, so it replaces a precision target as well as the scenario's count.
        var replications = parse.GetValue(options.Replications);
        var scenario = definition.Scenario with
        {
            Replications = replications ?? definition.Scenario.Replications,
            Seed = parse.GetValue(options.Seed) ?? definition.Scenario.Seed,
        };
        if (parse.GetValue(options.Prices) is { } pricesFile)
        {
            // On top of the scenario's own prices: the command line has the last word.
            scenario = scenario with { Prices = PriceTableFile.Load(pricesFile, scenario.EffectivePrices) };
        }

        var experiment = replications is null ? definition.Options : definition.Options with { Precision = null };
        var json = parse.GetValue(options.Json);
        var outDirectory = parse.GetValue(options.Out);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = Experiment.Run(scenario, experiment, parse.GetValue(options.Threads), progress: null, cancellationToken);
        var elapsed = started.Elapsed;

        IReadOnlyList<string> written = [];
        if (outDirectory is not null)
        {
            written = ReportWriter.WriteAll(result, outDirectory);
        }

        if (json)
        {
            stdout.Write(ResultsDocument.ToJson(result));
            stdout.WriteLine();
        }
        else
        {
            PrintTable(result, elapsed, written, stdout);
        }

        if (result.Partial)
        {
            stderr.WriteLine("serverless-sim: cancelled; the results above hold only the replications that finished.");
            return ExitCodes.Cancelled;
        }

        return ExitCodes.Success;
    }

    private static Table ToSpectre(ComparisonTable table)
    {
        var spectre = new Table().Border(TableBorder.Rounded);
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(table.Headers[i]));
            spectre.AddColumn(i == 0 ? column : column.RightAligned());
        }

        foreach (var row in table.Rows)
        {
            spectre.AddRow(row.Select(Markup.Escape).ToArray());
        }

        return spectre;
    }

    private static void PrintTable(ComparisonResult result, TimeSpan elapsed, IReadOnlyList<string> written, TextWriter stdout)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = stdout == Console.Out && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (stdout != Console.Out || Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }

        var scenario = result.Scenario;
        console.MarkupLine($"[bold]{Markup.Escape(scenario.Name)}[/]: {Markup.Escape(ScenarioDescription.Functions(scenario))}");
        console.MarkupLine(Markup.Escape(FormattableString.Invariant(
            $"horizon {scenario.Horizon.Seconds} s (warm-up {scenario.WarmUp.Seconds} s), seed {scenario.Seed}, {scenario.Replications} replication(s), account limit {scenario.EffectiveAccount.ConcurrencyLimit}; ± is the 95% confidence half-width")));
        foreach (var line in ExperimentSummary.Lines(result))
        {
            console.MarkupLine(Markup.Escape(line));
        }

        console.Write(ToSpectre(ComparisonTable.From(result)));
        if (scenario.Functions.Count > 1)
        {
            console.MarkupLine(Markup.Escape($"The {Math.Min(TopFunctions, scenario.Functions.Count)} busiest functions (--out DIR writes all to functions.csv):"));
            console.Write(ToSpectre(ComparisonTable.ForFunctions(result, TopFunctions)));
        }

        if (result.Policies.Count >= 2)
        {
            console.MarkupLine(Markup.Escape(ComparisonTable.SignificanceNote));
        }

        foreach (var p in result.Policies)
        {
            console.MarkupLine(Markup.Escape(FormattableString.Invariant(
                $"  {p.Options.Name}: K = {p.MaxConcurrentPerInstance}, {ScenarioDescription.VCpusPerInstance(p)} vCPU/instance, limit counts {p.Options.EffectiveLimitCounts}, billed as {p.Options.EffectiveBilling}{ScenarioDescription.Platform(p.Options)}")));
        }

        foreach (var line in CostLatencyView.From(result).ToLines())
        {
            console.MarkupLine(Markup.Escape(line));
        }

        console.MarkupLine(Markup.Escape($"prices: {scenario.EffectivePrices.Source}, as of {scenario.EffectivePrices.AsOf}"));

        // Arrivals over whole runs (warm-up included), over all policies and replications: what the engine did.
        var arrivals = result.Policies.SelectMany(p => p.Replications).Sum(r => r.TimeSeries.Sum(point => point.Arrivals));
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        console.MarkupLine(Markup.Escape(FormattableString.Invariant(
            $"simulated {arrivals:N0} requests in {elapsed.TotalSeconds:0.0} s ({arrivals / elapsed.TotalSeconds / 1e6:0.00} M requests/s over {scenario.Replications * result.Policies.Count} runs); peak memory {process.PeakWorkingSet64 / 1048576.0:0} MB")));
        foreach (var path in written)
        {
            console.MarkupLine($"wrote {Markup.Escape(path)}");
        }
    }
}
