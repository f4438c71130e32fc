using ScottPlot;
using ServerlessSim.Metrics;

namespace ServerlessSim.Plotting;

/// <summary>Charts over simulated time: one panel per quantity, one line per policy, the warm-up shaded.</summary>
internal static class TimeSeriesCharts
{
    /// <summary>The series of one policy (replication 0), with its name for the legend.</summary>
    public sealed record Series(string Name, IReadOnlyList<TimeSeriesPoint> Points);

    public static Chart InstancesAndInFlight(IReadOnlyList<Series> series, double stepSeconds, double warmUpSeconds, string title) =>
        Create(
            "instances-over-time",
            "Live instances and requests in flight over time",
            title,
            series,
            stepSeconds,
            warmUpSeconds,
            [("live instances (time-averaged)", p => p.Instances), ("requests in flight (time-averaged)", p => p.InFlight)]);

    // Cumulative counts from the end of the warm-up: a spike of a second is a visible step, the slope is the rate,
    // and the last value is what the tables count (for replication 0). Retries get a panel when callers retry.
    public static Chart ThrottlesAndColdStarts(IReadOnlyList<Series> series, double stepSeconds, double warmUpSeconds, string title)
    {
        var retried = series.Any(s => s.Points.Any(p => p.Retries > 0));
        return Create(
            "throttles-cold-starts-over-time",
            retried
                ? "Throttle responses, cold starts and retries over time, cumulative from the end of the warm-up"
                : "Throttled requests and cold starts over time, cumulative from the end of the warm-up",
            title,
            series.Select(s => s with { Points = Cumulative(s.Points, warmUpSeconds) }).ToArray(),
            stepSeconds,
            warmUpSeconds,
            retried
                ? [("throttle responses (429s), cumulative", p => p.Throttles), ("cold starts (requests), cumulative", p => p.ColdStarts),
                   ("retries, cumulative", p => p.Retries)]
                : [("throttled requests, cumulative", p => p.Throttles), ("cold starts (requests), cumulative", p => p.ColdStarts)]);
    }

    private static TimeSeriesPoint[] Cumulative(IReadOnlyList<TimeSeriesPoint> points, double fromSeconds)
    {
        long throttles = 0, coldStarts = 0, retries = 0;
        return points.Where(p => p.StartSeconds >= fromSeconds).Select(p =>
        {
            throttles += p.Throttles;
            coldStarts += p.ColdStarts;
            retries += p.Retries;
            return p with { Throttles = throttles, ColdStarts = coldStarts, Retries = retries };
        }).ToArray();
    }

    private static Chart Create(
        string name,
        string caption,
        string title,
        IReadOnlyList<Series> series,
        double stepSeconds,
        double warmUpSeconds,
        IReadOnlyList<(string Label, Func<TimeSeriesPoint, double> Value)> panels)
    {
        var end = series.SelectMany(s => s.Points).Select(p => p.StartSeconds + stepSeconds).DefaultIfEmpty(stepSeconds).Max();
        var (unit, secondsPerUnit) = end > 7200 ? ("h", 3600.0) : ("s", 1.0);
        var plots = new List<Plot>();
        for (var k = 0; k < panels.Count; k++)
        {
            var (label, value) = panels[k];
            var plot = ChartStyle.Panel($"simulated time ({unit})", label, k == 0 ? title : null);
            if (warmUpSeconds > 0)
            {
                var warmUp = plot.Add.HorizontalSpan(0, warmUpSeconds / secondsPerUnit, Colors.Gray.WithAlpha(0.2));
                warmUp.LegendText = "warm-up";
            }

            var top = 0.0;
            for (var i = 0; i < series.Count; i++)
            {
                var points = series[i].Points;
                var ys = points.Select(value).ToArray();
                var line = plot.Add.ScatterLine(points.Select(p => (p.StartSeconds + (stepSeconds / 2)) / secondsPerUnit).ToArray(), ys, ChartStyle.ColorOf(i));
                line.LineWidth = 2;
                line.MarkerSize = 0;
                line.LegendText = series[i].Name;
                top = Math.Max(top, ys.DefaultIfEmpty(0).Max());
            }

            plot.Axes.SetLimits(0, end / secondsPerUnit, 0, top > 0 ? top * 1.08 : 1);

            // The same fixed margins in every panel line their time axes up; the legend sits in the right margin,
            // outside the data, because the lines reach every corner of these panels.
            plot.Layout.Fixed(new PixelPadding(left: 95, right: 170, bottom: 50, top: k == 0 ? 45 : 12));
            plot.ShowLegend(Edge.Right);
            plots.Add(plot);
        }

        return new Chart(name, caption, plots, ChartStyle.Width, ChartStyle.PanelHeight * panels.Count);
    }
}
