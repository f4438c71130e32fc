using System.Globalization;
using System.Text;
using ServerlessSim.Experiments.Sweeps;
using ServerlessSim.Reporting;
using Spectre.Console;

namespace ServerlessSim.Cli;

/// <summary>Writes a sweep's (or a merge's) files and prints its table and the objective's choice.</summary>
internal static class SweepOutput
{
    private const string PartialLine =
        "PARTIAL: cancelled; only the points that finished are listed, a point under way with the first replications all its policies finished (see the replications column); the objective is not evaluated.";

    private const string PartialMarker =
        "These results are partial: the sweep was cancelled (sweep.json: \"partial\": true). Only the points that finished are listed; a point under way holds the first replications all its policies finished (its replications column says how many).\n";

    public static int Write(SweepResult result, string? outDirectory, bool json, string? partFileName, TextWriter stdout, TextWriter stderr)
    {
        var document = SweepDocument.ToJson(result);
        var written = new List<string>();
        if (outDirectory is not null)
        {
            Directory.CreateDirectory(outDirectory);
            if (partFileName is not null)
            {
                written.Add(WriteAtomically(outDirectory, partFileName, document));
            }
            else
            {
                // sweep.csv has no room for the flag: a file beside it says so, written first (and a complete sweep
                // over it removes it last).
                if (result.Partial)
                {
                    written.Add(WriteAtomically(outDirectory, ReportWriter.PartialMarkerFile, PartialMarker));
                }

                written.Add(WriteAtomically(outDirectory, "sweep.csv", SweepCsv.ToCsv(result)));
                written.Add(WriteAtomically(outDirectory, "sweep.json", document));
                if (!result.Partial)
                {
                    File.Delete(Path.Combine(outDirectory, ReportWriter.PartialMarkerFile));
                }
            }
        }

        if (json)
        {
            stdout.Write(document);
            stdout.WriteLine();
        }
        else
        {
            Print(result, written, stdout);
        }

        if (result.Partial)
        {
            stderr.WriteLine("serverless-sim: cancelled; the output holds only the points (and replications) that finished, marked partial.");
            return ExitCodes.Cancelled;
        }

        return ExitCodes.Success;
    }

    private static void Print(SweepResult result, IReadOnlyList<string> written, TextWriter stdout)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = stdout == Console.Out && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
        });
        if (stdout != Console.Out || Console.IsOutputRedirected)
        {
            console.Profile.Width = 4096; // Redirected: no line wraps (tables size to their content).
        }

        var header = result.Header;
        var points = result.Shard is { } shard
            ? string.Create(CultureInfo.InvariantCulture, $"shard {shard}: {result.Points.Count} of {header.PointCount} points")
            : string.Create(CultureInfo.InvariantCulture, $"{header.PointCount} points");
        console.MarkupLine(Markup.Escape($"{header.Name}: sweep of {string.Join(" x ", header.Parameters)} ({(header.Mode == SweepMode.Grid ? "grid" : "zip")}), {points}; ± is the 95% confidence half-width"));
        if (result.Partial)
        {
            console.MarkupLine(Markup.Escape(PartialLine));
        }

        // A cancelled sweep's cheapest point would be the cheapest among those that happened to finish: not shown.
        var outcome = header.Objective is { } objective && result.Shard is null && !result.Partial ? ObjectiveOutcome.Evaluate(result, objective) : null;
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("point").RightAligned());
        foreach (var parameter in header.Parameters)
        {
            table.AddColumn(new TableColumn(Markup.Escape(parameter)).RightAligned());
        }

        table.AddColumn("policy");
        foreach (var column in new[] { "latency p99 (ms)", "throttled (%)", "cost per 1M requests (USD)", "replications" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        if (outcome is not null)
        {
            table.AddColumn("meets targets");
        }

        foreach (var point in result.Points)
        {
            foreach (var policy in point.Rows.Select(r => r.Policy).Distinct())
            {
                var cells = new List<string> { point.Index.ToString(CultureInfo.InvariantCulture) };
                cells.AddRange(point.Values.Select(SweepParameter.Display));
                cells.Add(policy);
                cells.Add(Cell(point.Find(policy, "latencyMs.p99"), 1, "0.0"));
                cells.Add(Cell(point.Find(policy, "throttleRatio"), 100, "0.000"));
                cells.Add(Cell(point.Find(policy, "costUsd.perMillionRequests"), 1, "0.0000"));
                cells.Add(point.Find(policy, "requests")?.Replications.ToString(CultureInfo.InvariantCulture) ?? "-");
                if (outcome is not null)
                {
                    var candidate = outcome.Candidates.FirstOrDefault(c => c.Point == point.Index && c.Policy == policy);
                    cells.Add(candidate is null ? "-" : Meets(candidate, outcome.Choice));
                }

                table.AddRow(cells.Select(Markup.Escape).ToArray());
            }
        }

        console.Write(table);
        if (outcome is not null)
        {
            console.MarkupLine(Markup.Escape(Describe(outcome, header)));
        }

        foreach (var path in written)
        {
            console.MarkupLine($"wrote {Markup.Escape(path)}");
        }
    }

    private static string Meets(ObjectiveCandidate candidate, ObjectiveCandidate? choice)
    {
        // "mean only": the means meet the targets but the upper ends of the 95% intervals do not all.
        var text = (candidate.MeetsTargets, candidate.UpperBoundsMeetTargets) switch
        {
            (false, _) => "no",
            (true, true) => "yes",
            (true, false) => "mean only",
            (true, null) => "yes (no interval)",
        };
        return ReferenceEquals(candidate, choice) ? text + " <- cheapest" : text;
    }

    private static string Describe(ObjectiveOutcome outcome, SweepHeader header)
    {
        var objective = outcome.Objective;
        var targets = new List<string>();
        if (objective.MaxP99Ms is { } p99)
        {
            targets.Add(string.Create(CultureInfo.InvariantCulture, $"p99 <= {p99:0.###} ms"));
        }

        if (objective.MaxThrottleRatio is { } throttle)
        {
            targets.Add(string.Create(CultureInfo.InvariantCulture, $"throttled <= {throttle * 100:0.####}%"));
        }

        var text = new StringBuilder($"objective: the cheapest (cost per 1M requests) with mean {string.Join(" and ", targets)}");
        if (objective.Policy is { } only)
        {
            text.Append(" among ").Append(only);
        }

        if (outcome.Choice is not { } choice)
        {
            return text.Append(": no point meets the targets.").ToString();
        }

        var values = string.Join(", ", header.Parameters.Select((p, i) => $"{p}={SweepParameter.Display(choice.Values[i])}"));
        text.Append(CultureInfo.InvariantCulture, $": point {choice.Point} ({values}), {choice.Policy}: ")
            .Append(CultureInfo.InvariantCulture, $"${Cell(choice.Cost, 1, "0.0000")} per 1M requests, p99 {Cell(choice.P99, 1, "0.0")} ms, throttled {Cell(choice.Throttle, 100, "0.000")}%; ")
            .Append(choice.UpperBoundsMeetTargets switch
            {
                true => "the upper ends of the 95% intervals meet the targets too.",
                false => "the upper ends of the 95% intervals do NOT all meet the targets: more replications or a margin would settle it.",
                null => "one replication, so no interval to check.",
            });
        return text.ToString();
    }

    private static string Cell(SweepRow? row, double scale, string format)
    {
        if (row is null)
        {
            return "-";
        }

        var text = (row.Mean * scale).ToString(format, CultureInfo.InvariantCulture);
        return row.HalfWidth95 is { } h ? text + " ± " + (h * scale).ToString(format, CultureInfo.InvariantCulture) : text;
    }

    private static string WriteAtomically(string directory, string name, string content) => AtomicFile.WriteAllText(Path.Combine(directory, name), content);
}
