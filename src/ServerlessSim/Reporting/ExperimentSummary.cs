using System.Globalization;
using ServerlessSim.Experiments;

namespace ServerlessSim.Reporting;

/// <summary>Sentences that say how an experiment chose its warm-up and its number of replications, for reports and the console.</summary>
public static class ExperimentSummary
{
    /// <summary>One sentence for a cancelled run, one for a detected warm-up and one for a precision target; none for a plain fixed run.</summary>
    public static IReadOnlyList<string> Lines(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = new List<string>();
        if (result.Partial)
        {
            lines.Add(PartialLine(result.Scenario.Replications));
        }

        if (result.WarmUpDetection is { } detection)
        {
            var longest = detection.Series.MaxBy(s => s.WarmUp.Seconds)!;
            lines.Add(Invariant(
                $"Warm-up {detection.WarmUp.Seconds:0.###} s detected by MSER-5 on the average of {detection.PilotReplications} pilot replication(s) per policy (the longest truncation: {longest.Policy}'s {longest.Series} series)") +
                (detection.AtSearchLimit
                    ? "; a series reached the search limit (half the run), so the transient may be longer: lengthen the horizon."
                    : "."));
        }

        if (result.Precision is { } precision)
        {
            var target = precision.Target;
            var achieved = string.Join(", ", result.Policies.Select(p =>
                p.Metrics.Count == 0 ? $"{p.Options.Name} -" : Invariant($"{p.Options.Name} {PrecisionTarget.RelativeHalfWidthOf(p.Metric(target.Metric)):P2}")));
            lines.Add(precision.Met
                ? Invariant($"Precision: {target.Metric} 95% half-width within {target.RelativeHalfWidth:P1} of the mean for every policy after {result.Scenario.Replications} replications ({achieved}).")
                : Invariant($"Precision NOT met: {target.Metric} 95% half-width target {target.RelativeHalfWidth:P1} of the mean, stopped after {result.Scenario.Replications} replications (maximum {target.MaxReplications}): {achieved}."));
        }

        return lines;
    }

    /// <summary>The sentence that marks a cancelled run's results: which replications they hold and how to get them again.</summary>
    internal static string PartialLine(int replications) => replications == 0
        ? "PARTIAL: cancelled before any replication finished for every policy; there are no results."
        : Invariant($"PARTIAL: cancelled; these are the first {replications} replication(s) of every policy, the ones all finished (--replications {replications} with the same seed gives these numbers).");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
