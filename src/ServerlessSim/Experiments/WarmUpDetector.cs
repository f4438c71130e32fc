using ServerlessSim.Engine;
using ServerlessSim.Metrics;
using ServerlessSim.Reporting;

namespace ServerlessSim.Experiments;

/// <summary>Detects a scenario's warm-up with MSER-5 from pilot runs.</summary>
/// <remarks>
/// For each policy the pilots' series are averaged point by point (averaging across replications smooths the noise
/// MSER-5 would otherwise mistake for a transient), then truncated separately on requests in flight (the load
/// settles within a few latencies) and live instances (the pool settles more slowly, as instances start and
/// expire). One warm-up, the longest, applies to every policy, so the policies keep a common window and their
/// replications stay paired. The statistics depend on the warm-up but the dynamics do not (it only decides which
/// requests are counted), so the pilots' series are those of the same seeds' production runs.
/// </remarks>
internal static class WarmUpDetector
{
    /// <summary>The most pilot replications per policy.</summary>
    public const int MaxPilotReplications = 5;

    private static readonly (string Name, Func<TimeSeriesPoint, double> Value)[] Series =
    [
        ("inFlight", p => p.InFlight),
        ("instances", p => p.Instances),
    ];

    public static WarmUpDetection Detect(Scenario scenario, RunResult?[][] pilots)
    {
        var truncations = new List<SeriesTruncation>();
        var pilotCount = pilots[0].Length;
        for (var p = 0; p < pilots.Length; p++)
        {
            var runs = pilots[p].OfType<RunResult>().ToArray();
            var points = runs[0].TimeSeries;
            foreach (var (name, value) in Series)
            {
                var averaged = new double[points.Count];
                foreach (var run in runs)
                {
                    for (var i = 0; i < averaged.Length; i++)
                    {
                        averaged[i] += value(run.TimeSeries[i]) / runs.Length;
                    }
                }

                var result = Mser5.Truncate(averaged);
                // At most half the batches are dropped, so the first point kept exists.
                var warmUp = SimDuration.FromSeconds(points[result.TruncatedPoints].StartSeconds);
                truncations.Add(new SeriesTruncation(scenario.Policies[p].Name, name, warmUp, result));
            }
        }

        var longest = truncations.Max(t => t.WarmUp.Seconds);
        return new WarmUpDetection(SimDuration.FromSeconds(longest), pilotCount, truncations);
    }
}
