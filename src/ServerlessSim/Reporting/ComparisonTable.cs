using System.Globalization;
using System.Net;
using System.Text;
using ServerlessSim.Experiments;

namespace ServerlessSim.Reporting;

/// <summary>The side-by-side table of a comparison: one row per metric, one column per policy, and the ratio to the first.</summary>
/// <param name="Headers">Column headers: "metric", each policy, then "ratio" when there are two policies or more.</param>
/// <param name="Rows">Cells as text, the first cell the metric's label with its unit.</param>
public sealed record ComparisonTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    private static readonly (string Label, string Metric, double Scale, string Format)[] Lines =
    [
        ("requests", "requests", 1, "N0"),
        ("throttled (%)", "throttleRatio", 100, "0.00"),
        ("cold starts (requests)", "coldStarts", 1, "N0"),
        ("cold-start ratio (%)", "coldStartRatio", 100, "0.000"),
        ("instance starts", "instanceStarts", 1, "N0"),
        ("latency mean (ms)", "latencyMs.mean", 1, "0.0"),
        ("latency p50 (ms)", "latencyMs.p50", 1, "0.0"),
        ("latency p95 (ms)", "latencyMs.p95", 1, "0.0"),
        ("latency p99 (ms)", "latencyMs.p99", 1, "0.0"),
        ("latency max (ms)", "latencyMs.max", 1, "0.0"),
        ("instances mean", "instances.mean", 1, "0.0"),
        ("instances max", "instances.max", 1, "N0"),
        ("in flight mean", "inFlight.mean", 1, "0.0"),
        ("busy instance-hours", "instanceSeconds.busy", 1 / 3600.0, "0.00"),
        ("idle instance-hours", "instanceSeconds.idle", 1 / 3600.0, "0.00"),
        ("cost total (USD)", "costUsd.total", 1, "0.0000"),
        ("cost per 1M requests (USD)", "costUsd.perMillionRequests", 1, "0.0000"),
    ];

    /// <summary>The table for <paramref name="result"/>; cells carry "± half-width" when there are replications.</summary>
    public static ComparisonTable From(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var policies = result.Policies;
        var withRatio = policies.Count >= 2;
        var headers = new List<string> { "metric" };
        headers.AddRange(policies.Select(p => p.Options.Name));
        if (withRatio)
        {
            headers.Add($"{policies[^1].Options.Name} / {policies[0].Options.Name}");
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var (label, metric, scale, format) in Lines)
        {
            var row = new List<string> { label };
            row.AddRange(policies.Select(p => Cell(p, metric, scale, format)));
            if (withRatio)
            {
                var ratio = ResultsDocument.Ratio(policies[^1], policies[0], metric);
                row.Add(ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-");
            }

            rows.Add(row);
        }

        return new ComparisonTable(headers, rows);
    }

    /// <summary>The table as GitHub Markdown.</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append("| ").AppendJoin(" | ", Headers).Append(" |\n");
        md.Append('|').AppendJoin('|', Headers.Select((_, i) => i == 0 ? "---" : "---:")).Append("|\n");
        foreach (var row in Rows)
        {
            md.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        return md.ToString();
    }

    /// <summary>The table as an HTML <c>table</c> element (text HTML-encoded), for notebooks and web pages.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<table>\n<thead><tr>");
        foreach (var (header, i) in Headers.Select((h, i) => (h, i)))
        {
            html.Append(i == 0 ? "<th style=\"text-align:left\">" : "<th style=\"text-align:right\">").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            foreach (var (cell, i) in row.Select((c, i) => (c, i)))
            {
                html.Append(i == 0 ? "<td style=\"text-align:left\">" : "<td style=\"text-align:right\">").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    private static string Cell(PolicyResult policy, string metric, double scale, string format)
    {
        if (policy.Metrics.Count == 0)
        {
            return "-";
        }

        var m = policy.Metric(metric);
        var text = (m.Mean * scale).ToString(format, CultureInfo.InvariantCulture);
        return m.HalfWidth95 is { } h ? text + " ± " + (h * scale).ToString(format, CultureInfo.InvariantCulture) : text;
    }
}
