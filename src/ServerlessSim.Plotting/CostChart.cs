using System.Globalization;
using ScottPlot;

namespace ServerlessSim.Plotting;

/// <summary>Cost bars: one stacked bar per policy, one colour per component, the total written above each bar.</summary>
internal static class CostChart
{
    public static Chart Create(IReadOnlyList<PolicyCost> costs, string title)
    {
        var plot = ChartStyle.Panel("policy", "cost (USD)", title);
        var components = costs.SelectMany(c => c.ComponentsUsd.Keys).Distinct(StringComparer.Ordinal).ToArray();
        var bars = new List<Bar>();
        var top = 0.0;
        for (var i = 0; i < costs.Count; i++)
        {
            var stacked = 0.0;
            for (var c = 0; c < components.Length; c++)
            {
                var value = costs[i].ComponentsUsd.GetValueOrDefault(components[c]);
                bars.Add(new Bar
                {
                    Position = i,
                    ValueBase = stacked,
                    Value = stacked + value,
                    FillColor = ChartStyle.ColorOf(c),
                    Size = 0.6,
                });
                stacked += value;
            }

            if (costs[i].TotalHalfWidth95Usd is { } halfWidth && bars.Count > 0)
            {
                bars[^1].Error = halfWidth;
            }

            var total = plot.Add.Text(Usd(stacked) + (costs[i].TotalHalfWidth95Usd is { } h ? " ± " + Number(h, stacked) : string.Empty), i, stacked + (costs[i].TotalHalfWidth95Usd ?? 0));
            total.LabelFontSize = 14;
            total.LabelBold = true;
            total.LabelAlignment = Alignment.LowerCenter;
            total.OffsetY = -6; // Clear of the error bar's cap.
            top = Math.Max(top, stacked + (costs[i].TotalHalfWidth95Usd ?? 0));
        }

        plot.Add.Bars(bars);
        plot.Legend.ManualItems.AddRange(components.Select((name, c) => new LegendItem { LabelText = Label(name), FillColor = ChartStyle.ColorOf(c) }));
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, costs.Count).Select(i => (double)i)], [.. costs.Select(c => c.Policy)]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
        plot.Axes.SetLimits(-0.6, costs.Count - 0.4, 0, top > 0 ? top * 1.18 : 1);
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();
        return new Chart("cost", "Cost per policy over the measured window, by component (USD)", [plot], ChartStyle.Width, ChartStyle.SinglePanelHeight);
    }

    private static readonly Dictionary<string, string> KnownComponents = new(StringComparer.Ordinal)
    {
        ["requests"] = "requests (per-request charge)",
        ["compute"] = "compute (GB-s or instance time)",
        ["init"] = "init (billed initialisation)",
    };

    private static string Label(string component) => KnownComponents.GetValueOrDefault(component, component);

    private static string Usd(double value) => "$" + Number(value, value);

    // The precision of the total, for the total and its half-width alike.
    private static string Number(double value, double scale) =>
        value.ToString(Math.Abs(scale) >= 100 ? "#,0" : Math.Abs(scale) >= 1 ? "0.00" : "0.0000", CultureInfo.InvariantCulture);
}
