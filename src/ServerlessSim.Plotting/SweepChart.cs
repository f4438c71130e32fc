using ScottPlot;

namespace ServerlessSim.Plotting;

/// <summary>Sweep curves: a metric against a parameter, one line per series, 95% confidence intervals as error bars.</summary>
internal static class SweepChart
{
    public static Chart Create(IReadOnlyList<SweepSeries> series, string parameterLabel, string metricLabel, string title, bool logX)
    {
        var plot = ChartStyle.Panel(logX ? parameterLabel + ", log scale" : parameterLabel, metricLabel, title);
        var all = series.SelectMany(s => s.Points).Where(p => !logX || p.X > 0).ToArray();
        for (var i = 0; i < series.Count; i++)
        {
            var points = series[i].Points.Where(p => !logX || p.X > 0).ToArray();
            var xs = points.Select(p => logX ? LogAxis.ToAxis(p.X) : p.X).ToArray();
            var ys = points.Select(p => p.Mean).ToArray();
            var line = plot.Add.Scatter(xs, ys, ChartStyle.ColorOf(i));
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = series[i].Name;
            if (points.Any(p => p.HalfWidth95 is not null))
            {
                var errors = plot.Add.ErrorBar(xs, ys, points.Select(p => p.HalfWidth95 ?? 0).ToArray());
                errors.Color = ChartStyle.ColorOf(i);
                errors.LineWidth = 1.5f;
                errors.CapSize = 6;
            }
        }

        if (logX && all.Length > 0)
        {
            LogAxis.ApplyToBottom(plot, all.Min(p => p.X), all.Max(p => p.X));
        }

        plot.ShowLegend();
        return new Chart("sweep", title, [plot], ChartStyle.Width, ChartStyle.SinglePanelHeight);
    }
}
