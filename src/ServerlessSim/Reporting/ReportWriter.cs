using System.Text;
using ServerlessSim.Experiments;

namespace ServerlessSim.Reporting;

/// <summary>
/// Writes a comparison's files into a folder: results.json, summary.csv, cost.csv, differences.csv (two policies or
/// more), functions.csv (several functions), latency-percentiles.csv, a time-series CSV per policy and report.md; and
/// <see cref="PartialMarkerFile"/> when the run was cancelled.
/// </summary>
public static class ReportWriter
{
    /// <summary>The file that marks a folder's results as partial (the run was cancelled): written with them, and only then.</summary>
    public const string PartialMarkerFile = "PARTIAL.txt";

    private const int MarkdownTopFunctions = 20;

    /// <summary>Writes every file into <paramref name="directory"/> (created if missing); returns the paths written.</summary>
    /// <param name="result">The comparison.</param>
    /// <param name="directory">The folder to write into.</param>
    /// <param name="figures">Charts already written into <paramref name="directory"/> for report.md to embed; null for none.</param>
    /// <remarks>Each file is written through <see cref="AtomicFile"/>, so an interrupted write leaves no half-written file.</remarks>
    public static IReadOnlyList<string> WriteAll(ComparisonResult result, string directory, IReadOnlyList<ReportFigure>? figures = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);

        // The CSVs have no room for a flag, so a cancelled run's folder says so in a file of its own, written first so
        // that no partial file is ever there unmarked; a complete run written over it (--force) removes it last.
        var marker = Path.Combine(directory, PartialMarkerFile);
        var written = new List<string>();
        if (result.Partial)
        {
            written.Add(WriteAtomically(directory, PartialMarkerFile, PartialMarker(result)));
        }

        written.AddRange(
        [
            WriteAtomically(directory, "results.json", ResultsDocument.ToJson(result)),
            WriteAtomically(directory, "summary.csv", CsvWriters.Summary(result)),
            WriteAtomically(directory, "cost.csv", CsvWriters.Cost(result)),
            WriteAtomically(directory, "latency-percentiles.csv", CsvWriters.LatencyPercentiles(result)),
        ]);
        if (result.Scenario.Functions.Count > 1)
        {
            written.Add(WriteAtomically(directory, "functions.csv", CsvWriters.Functions(result)));
        }

        if (result.Policies.Count >= 2)
        {
            written.Add(WriteAtomically(directory, "differences.csv", CsvWriters.Differences(result)));
        }

        foreach (var policy in result.Policies.Where(p => p.Replications.Count > 0))
        {
            written.Add(WriteAtomically(directory, $"timeseries-{SafeName(policy.Options.Name)}.csv", CsvWriters.TimeSeries(policy.Replications[0].TimeSeries)));
            if (policy.Replications[0].Batching is { } source)
            {
                written.Add(WriteAtomically(directory, $"queue-{SafeName(policy.Options.Name)}.csv", BatchingDocument.TimeSeriesCsv(source.TimeSeries)));
            }
        }

        written.Add(WriteAtomically(directory, "report.md", Markdown(result, figures)));
        if (!result.Partial)
        {
            File.Delete(marker);
        }

        return written;
    }

    private static string PartialMarker(ComparisonResult result) => FormattableString.Invariant(
        $"These results are partial: the run was cancelled. Every file here holds the first {result.Scenario.Replications} replication(s) that every policy finished (results.json: \"partial\": true); the same scenario with {result.Scenario.Replications} replication(s) and seed {result.Scenario.Seed} reproduces them.\n");

    /// <summary>A Markdown report: the scenario, the side-by-side table, the policies' settings, the cost-latency view, the prices and the charts given.</summary>
    /// <param name="result">The comparison.</param>
    /// <param name="figures">Charts to embed, by file names relative to the report; null for none.</param>
    public static string Markdown(ComparisonResult result, IReadOnlyList<ReportFigure>? figures = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Scenario;
        var md = new StringBuilder();
        md.Append("# ").Append(s.Name).Append(result.Partial ? " (partial: cancelled)" : string.Empty).Append("\n\n");
        var functions = ScenarioDescription.Functions(s);
        md.Append(char.ToUpperInvariant(functions[0])).Append(functions, 1, functions.Length - 1).Append(".\n");
        md.Append(FormattableString.Invariant(
            $"Horizon {s.Horizon.Seconds} s, warm-up {s.WarmUp.Seconds} s, seed {s.Seed}, {s.Replications} replication(s) (± is the 95% confidence half-width), account limit {s.EffectiveAccount.ConcurrencyLimit}.\n\n"));
        foreach (var line in ExperimentSummary.Lines(result))
        {
            md.Append(line).Append("\n\n");
        }

        md.Append(ComparisonTable.From(result).ToMarkdown()).Append('\n');
        if (result.Policies.Count >= 2)
        {
            md.Append(ComparisonTable.SignificanceNote).Append(".\n\n");
        }

        if (s.Functions.Count > 1)
        {
            md.Append(FormattableString.Invariant($"The {Math.Min(MarkdownTopFunctions, s.Functions.Count)} busiest functions (all in functions.csv):\n\n"));
            md.Append(ComparisonTable.ForFunctions(result, MarkdownTopFunctions).ToMarkdown()).Append('\n');
        }

        foreach (var p in result.Policies)
        {
            md.Append(FormattableString.Invariant(
                $"- `{p.Options.Name}`: K = {p.MaxConcurrentPerInstance}, {ScenarioDescription.VCpusPerInstance(p)} vCPU per instance, the limit counts {p.Options.EffectiveLimitCounts}, billed as {p.Options.EffectiveBilling}{ScenarioDescription.Platform(p.Options)}.\n"));
        }

        md.Append("\n## Cost against latency\n\n").Append(CostLatencyView.From(result).ToMarkdown());
        md.Append("\nPrices: ").Append(s.EffectivePrices.Source).Append(" (as of ").Append(s.EffectivePrices.AsOf).Append("; every row in results.json, the rules in docs/cost.md).\n");
        foreach (var figure in figures ?? [])
        {
            md.Append("\n## ").Append(figure.Caption).Append("\n\n");
            md.Append("![").Append(figure.Caption).Append("](").Append(figure.ImageFile).Append(")\n");
            if (figure.VectorFile is { } vector)
            {
                md.Append("\n[SVG](").Append(vector).Append(")\n");
            }
        }

        return md.ToString();
    }

    private static string WriteAtomically(string directory, string name, string content) =>
        AtomicFile.WriteAllText(Path.Combine(directory, name), content);

    private static string SafeName(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
