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
    private const int MaxNameLength = 17;

    // A line with ShownWhen is left out when every policy's ShownWhen metric is zero (no front queue, memory limit,
    // retries or errors; nothing provisioned); throttle responses differ from throttled requests only with retries.
    // The batching.* lines are shown when a policy has an event source, "-" for the policies without one.
    private static readonly (string Label, string Metric, double Scale, string Format, string? ShownWhen)[] Lines =
    [
        ("requests", "requests", 1, "N0", null),
        ("throttled (%)", "throttleRatio", 100, "0.00", null),
        ("throttled: scaling rate (requests)", "throttledByReason.scalingRate", 1, "N0", "throttledByReason.scalingRate"),
        ("throttled: reserved (requests)", "throttledByReason.reservedConcurrency", 1, "N0", "throttledByReason.reservedConcurrency"),
        ("throttled: request rate (requests)", "throttledByReason.requestRate", 1, "N0", "throttledByReason.requestRate"),
        ("throttle responses (429s)", "throttleResponses", 1, "N0", "retries"),
        ("retries", "retries", 1, "N0", "retries"),
        ("errors (requests)", "errors", 1, "N0", "errors"),
        ("dropped (expired, dead-lettered)", "dropped", 1, "N0", "dropped"),
        ("waiting to retry, mean", "retryQueue.mean", 1, "0.0", "retryQueue.mean"),
        ("timed out in queue (requests)", "timedOut", 1, "N0", "timedOut"),
        ("failed with instance (requests)", "failed", 1, "N0", "failed"),
        ("instance failures", "instanceFailures", 1, "N0", "instanceFailures"),
        ("cold starts (requests)", "coldStarts", 1, "N0", null),
        ("cold-start ratio (%)", "coldStartRatio", 100, "0.000", null),
        ("instance starts", "instanceStarts", 1, "N0", null),
        ("latency mean (ms)", "latencyMs.mean", 1, "0.0", null),
        ("latency p50 (ms)", "latencyMs.p50", 1, "0.0", null),
        ("latency p95 (ms)", "latencyMs.p95", 1, "0.0", null),
        ("latency p99 (ms)", "latencyMs.p99", 1, "0.0", null),
        ("latency max (ms)", "latencyMs.max", 1, "0.0", null),
        ("instances mean", "instances.mean", 1, "0.0", null),
        ("instances max", "instances.max", 1, "N0", null),
        ("in flight mean", "inFlight.mean", 1, "0.0", null),
        ("busy instance-hours", "instanceSeconds.busy", 1 / 3600.0, "0.00", null),
        ("idle instance-hours", "instanceSeconds.idle", 1 / 3600.0, "0.00", null),
        ("batches invoked", "batching.invocations", 1, "N0", null),
        ("batch size mean (messages)", "batching.batchSizeMean", 1, "0.0", null),
        ("dead-lettered (messages)", "batching.deadLettered", 1, "N0", null),
        ("expired (messages)", "batching.expired", 1, "N0", "batching.expired"),
        ("throttled invocations", "batching.throttledInvocations", 1, "N0", null),
        ("returned to queue (messages)", "batching.returnedMessages", 1, "N0", null),
        ("queue depth mean (messages)", "batching.depthMean", 1, "0.0", null),
        ("oldest message age max (s)", "batching.oldestAgeSecondsMax", 1, "0.0", null),
        ("SQS requests", "batching.sqsRequests", 1, "N0", "batching.sqsRequests"),
        ("cost total (USD)", "costUsd.total", 1, "0.0000", null),
        ("cost: requests (USD)", "costUsd.requests", 1, "0.0000", "costUsd.requests"),
        ("cost: compute busy (USD)", "costUsd.computeBusy", 1, "0.0000", "costUsd.computeBusy"),
        ("cost: compute idle (USD)", "costUsd.computeIdle", 1, "0.0000", "costUsd.computeIdle"),
        ("cost: init (USD)", "costUsd.init", 1, "0.0000", "costUsd.init"),
        ("cost: provisioned (USD)", "costUsd.provisioned", 1, "0.0000", "costUsd.provisioned"),
        ("cost: queue (USD)", "costUsd.queue", 1, "0.0000", "costUsd.queue"),
        ("cost per 1M requests (USD)", "costUsd.perMillionRequests", 1, "0.0000", null),
        ("cost per CPU-hour of work (USD)", "costUsd.perCpuSecond", 3600, "0.0000", null),
    ];

    /// <summary>What the marker in the ratio column means; print it under a table that has the column.</summary>
    public const string SignificanceNote =
        "* in the ratio column: the paired difference (same traffic, replication by replication) is significant, its 95% interval excludes 0";

    /// <summary>
    /// The table for <paramref name="result"/>; cells carry "± half-width" when there are replications, and a ratio
    /// carries " *" when the last policy's paired difference from the first is significant (<see cref="SignificanceNote"/>).
    /// </summary>
    public static ComparisonTable From(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var policies = result.Policies;
        var withRatio = policies.Count >= 2;
        var differences = withRatio ? result.Differences[^1] : null;
        var headers = new List<string> { "metric" };
        headers.AddRange(policies.Select(p => p.Options.Name));
        if (withRatio)
        {
            headers.Add($"{policies[^1].Options.Name} / {policies[0].Options.Name}");
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var (label, metric, scale, format, shownWhen) in Lines)
        {
            if (!policies.Any(p => Has(p, metric)) || (shownWhen is not null && policies.All(p => !Has(p, shownWhen) || p[shownWhen] == 0)))
            {
                continue;
            }

            var row = new List<string> { label };
            row.AddRange(policies.Select(p => Cell(p, metric, scale, format)));
            if (withRatio)
            {
                var both = Has(policies[^1], metric) && Has(policies[0], metric);
                var ratio = both ? ResultsDocument.Ratio(policies[^1], policies[0], metric) : null;
                var significant = both && differences!.Metrics.Count > 0 && differences[metric].Significant == true;
                row.Add((ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-") + (significant ? " *" : string.Empty));
            }

            rows.Add(row);
        }

        return new ComparisonTable(headers, rows);
    }

    /// <summary>With several functions, the <paramref name="top"/> busiest by requests: one row each, throttling, cold starts and p99 per policy.</summary>
    /// <remarks>Every policy sees the same requests (common random numbers), so the first policy's counts rank the functions.</remarks>
    public static ComparisonTable ForFunctions(ComparisonResult result, int top)
    {
        ArgumentNullException.ThrowIfNull(result);
        var policies = result.Policies.Where(p => p.FunctionResults.Count > 0).ToArray();
        var headers = new List<string> { "function", "requests" };
        foreach (var p in policies)
        {
            headers.AddRange([$"{p.Options.Name} throttled (%)", $"{p.Options.Name} cold (%)", $"{p.Options.Name} p99 (ms)"]);
        }

        var rows = new List<IReadOnlyList<string>>();
        if (policies.Length == 0)
        {
            return new ComparisonTable(headers, rows);
        }

        var busiest = Enumerable.Range(0, policies[0].FunctionResults.Count)
            .OrderByDescending(f => policies[0].FunctionResults[f]["requests"])
            .ThenBy(f => f)
            .Take(top);
        foreach (var f in busiest)
        {
            var first = policies[0].FunctionResults[f];
            var row = new List<string> { Shorten(first.Name), first["requests"].ToString("N0", CultureInfo.InvariantCulture) };
            foreach (var p in policies)
            {
                var function = p.FunctionResults[f];
                row.Add((function["throttleRatio"] * 100).ToString("0.00", CultureInfo.InvariantCulture));
                row.Add((function["coldStartRatio"] * 100).ToString("0.00", CultureInfo.InvariantCulture));
                row.Add(function["latencyMs.p99"].ToString("0.0", CultureInfo.InvariantCulture));
            }

            rows.Add(row);
        }

        return new ComparisonTable(headers, rows);
    }

    // Trace functions are named by 64-character hashes; 16 characters tell them apart in a table (all of it is in functions.csv).
    private static string Shorten(string name) => name.Length <= MaxNameLength ? name : name[..(MaxNameLength - 1)] + "…";

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

    // Every run has the common metrics; only a batching policy's have batching.*.
    private static bool Has(PolicyResult policy, string metric) =>
        policy.Metrics.Count > 0 && (!metric.StartsWith("batching.", StringComparison.Ordinal) || policy.Metrics.Any(m => m.Name == metric));

    private static string Cell(PolicyResult policy, string metric, double scale, string format)
    {
        if (!Has(policy, metric))
        {
            return "-";
        }

        var m = policy.Metric(metric);
        var text = (m.Mean * scale).ToString(format, CultureInfo.InvariantCulture);
        return m.HalfWidth95 is { } h ? text + " ± " + (h * scale).ToString(format, CultureInfo.InvariantCulture) : text;
    }
}
