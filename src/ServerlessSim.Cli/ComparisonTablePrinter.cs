using ServerlessSim.Experiments;
using ServerlessSim.Reporting;
using Spectre.Console;

namespace ServerlessSim.Cli;

/// <summary>Prints a comparison as the side-by-side table (--format table), with optional status lines.</summary>
internal static class ComparisonTablePrinter
{
    private const int TopFunctions = 10;

    /// <param name="result">The comparison.</param>
    /// <param name="status">Lines to print after the table (run time, files written); empty with --quiet.</param>
    /// <param name="stdout">Where to print.</param>
    public static void Print(ComparisonResult result, IReadOnlyList<string> status, TextWriter stdout)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = stdout == Console.Out && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (stdout != Console.Out || Console.IsOutputRedirected)
        {
            console.Profile.Width = 4096; // Redirected: no line wraps (tables size to their content).
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
        if (result.Policies.Count >= 2)
        {
            console.MarkupLine(Markup.Escape(ComparisonTable.SignificanceNote));
        }

        if (scenario.Functions.Count > 1)
        {
            console.MarkupLine(Markup.Escape($"The {Math.Min(TopFunctions, scenario.Functions.Count)} busiest functions (--out DIR writes all to functions.csv):"));
            console.Write(ToSpectre(ComparisonTable.ForFunctions(result, TopFunctions)));
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
        foreach (var line in status)
        {
            console.MarkupLine(Markup.Escape(line));
        }
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
}
