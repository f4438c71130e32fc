using ScottPlot;

namespace ServerlessSim.Plotting;

/// <summary>The latency CDF: for each policy, the share of completed requests (%) within a latency (ms, log scale).</summary>
internal static class LatencyCdfChart
{
    public static Chart Create(IReadOnlyList<LatencyCurve> curves, string title)
    {
        var plot = ChartStyle.Panel("latency (ms, log scale)", "completed requests within the latency (%)", title);
        var positive = curves.SelectMany(c => c.Points).Where(p => p.MeanMs > 0).ToArray();
        for (var i = 0; i < curves.Count; i++)
        {
            var points = curves[i].Points.Where(p => p.MeanMs > 0).ToArray();
            var line = plot.Add.ScatterLine(
                points.Select(p => LogAxis.ToAxis(p.MeanMs)).ToArray(), points.Select(p => p.Percentile).ToArray(), ChartStyle.ColorOf(i));
            line.LineWidth = 2.5f;
            line.MarkerSize = 4;
            line.LegendText = curves[i].Name;
        }

        if (positive.Length > 0)
        {
            var min = positive.Min(p => p.MeanMs);
            LogAxis.ApplyToBottom(plot, min, positive.Max(p => p.MeanMs));

            // Reference lines where the tables report percentiles, labelled at the left edge where the curves are low.
            foreach (var percentile in new[] { 50.0, 95.0, 99.0 })
            {
                plot.Add.HorizontalLine(percentile, 1, Colors.Gray.WithAlpha(0.8), LinePattern.Dotted);
                var label = plot.Add.Text($"p{percentile:0}", LogAxis.ToAxis(min / 1.15), percentile);
                label.LabelFontSize = 12;
                label.LabelFontColor = Colors.DimGray;
                label.LabelAlignment = Alignment.UpperLeft; // Below its line: p99 stays inside the plot.
            }
        }

        plot.Axes.SetLimitsY(0, 100.5);
        plot.Legend.Alignment = Alignment.LowerRight;
        plot.ShowLegend();
        return new Chart("latency-cdf", "Latency CDF per policy (log scale)", [plot], ChartStyle.Width, ChartStyle.SinglePanelHeight);
    }
}
