using System.Globalization;
using System.Text;
using ServerlessSim.Experiments;

namespace ServerlessSim.Reporting;

/// <summary>One option's cost and tail latency: a policy of a comparison, or a point of a sweep.</summary>
/// <param name="Label">What the option is, e.g. a policy name or <c>K=40</c>.</param>
/// <param name="CostPerMillionUsd">Its bill per million completed requests, USD.</param>
/// <param name="P99Ms">Its 99th-percentile latency, ms.</param>
public sealed record CostLatencyPoint(string Label, double CostPerMillionUsd, double P99Ms);

/// <summary>
/// Cost against p99 latency: for each latency target, the cheapest option that meets it. The options on the frontier
/// are those no other option beats on both cost and latency; the rest are dominated.
/// </summary>
/// <remarks>
/// E.g. lambda at $3.54 per 1M and p99 622 ms, many-k80 at $1.39 and 875 ms, k20 at $2.00 and 900 ms: for a p99 of
/// 622 ms or better lambda is the cheapest; up to 875 ms, many-k80; k20 is dominated (many-k80 is cheaper and faster).
/// </remarks>
/// <param name="Frontier">The cheapest option for each p99 target, by increasing p99 (and so decreasing cost).</param>
/// <param name="Dominated">The other options, by increasing cost.</param>
public sealed record CostLatencyView(IReadOnlyList<CostLatencyPoint> Frontier, IReadOnlyList<CostLatencyPoint> Dominated)
{
    /// <summary>The view of <paramref name="points"/>; points with a missing (NaN) cost or latency are left out.</summary>
    public static CostLatencyView From(IEnumerable<CostLatencyPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points
            .Where(p => double.IsFinite(p.CostPerMillionUsd) && double.IsFinite(p.P99Ms))
            .OrderBy(p => p.P99Ms).ThenBy(p => p.CostPerMillionUsd).ThenBy(p => p.Label, StringComparer.Ordinal)
            .ToArray();
        var frontier = new List<CostLatencyPoint>();
        var dominated = new List<CostLatencyPoint>();
        foreach (var point in sorted)
        {
            // Sorted by p99, a point joins the frontier only if it is cheaper than every faster one.
            if (frontier.Count == 0 || point.CostPerMillionUsd < frontier[^1].CostPerMillionUsd)
            {
                frontier.Add(point);
            }
            else
            {
                dominated.Add(point);
            }
        }

        return new CostLatencyView(frontier, dominated.OrderBy(p => p.CostPerMillionUsd).ToArray());
    }

    /// <summary>The view of a comparison's policies (means over replications); policies with no finished run are left out.</summary>
    /// <remarks>A policy that throttles says so in its label (<c>lambda (11.62% throttled)</c>): its p99 is over the requests it served.</remarks>
    public static CostLatencyView From(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return From(result.Policies
            .Where(p => p.Metrics.Count > 0)
            .Select(p => new CostLatencyPoint(Label(p), p["costUsd.perMillionRequests"], p["latencyMs.p99"])));
    }

    /// <summary>The cheapest option whose p99 is at most <paramref name="p99LimitMs"/>, or null if none is that fast.</summary>
    public CostLatencyPoint? CheapestWithin(double p99LimitMs) => Frontier.LastOrDefault(p => p.P99Ms <= p99LimitMs);

    /// <summary>The view as text lines, e.g. <c>p99 &lt;= 622.5 ms: lambda at $3.5399 per 1M requests</c>.</summary>
    public IReadOnlyList<string> ToLines()
    {
        var lines = new List<string> { "cost vs latency, the cheapest option for each p99 target:" };
        lines.AddRange(Frontier.Select(p => Invariant($"  p99 <= {p.P99Ms:0.0} ms: {p.Label} at ${p.CostPerMillionUsd:0.0000} per 1M requests")));
        lines.AddRange(Dominated.Select(p => Invariant($"  dominated: {p.Label} at ${p.CostPerMillionUsd:0.0000} per 1M requests, p99 {p.P99Ms:0.0} ms")));
        return lines;
    }

    /// <summary>The view as a Markdown table: p99 target, cheapest option, its cost; dominated options after.</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder("| p99 target (ms) | cheapest | cost per 1M requests (USD) |\n|---:|---|---:|\n");
        foreach (var p in Frontier)
        {
            md.Append(Invariant($"| <= {p.P99Ms:0.0} | {p.Label} | {p.CostPerMillionUsd:0.0000} |\n"));
        }

        foreach (var p in Dominated)
        {
            md.Append(Invariant($"| (dominated, p99 {p.P99Ms:0.0}) | {p.Label} | {p.CostPerMillionUsd:0.0000} |\n"));
        }

        return md.ToString();
    }

    private static string Label(PolicyResult policy)
    {
        var throttled = policy["throttleRatio"];
        return throttled > 0 ? Invariant($"{policy.Options.Name} ({throttled * 100:0.00}% throttled)") : policy.Options.Name;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
