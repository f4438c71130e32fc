using System.Globalization;
using ScottPlot;

namespace ServerlessSim.Plotting;

/// <summary>A base-10 logarithmic axis: data are plotted as log10(value) and ticks are labelled with the values.</summary>
/// <remarks>ScottPlot has no log scale of its own; ticks at 1, 2 and 5 times each power of ten keep the labels readable.</remarks>
internal static class LogAxis
{
    public static double ToAxis(double value) => Math.Log10(value);

    /// <summary>Labels the bottom axis for data from <paramref name="min"/> to <paramref name="max"/> (both &gt; 0) and sets its limits.</summary>
    public static void ApplyToBottom(Plot plot, double min, double max)
    {
        const double Margin = 1.2; // The axis reaches 20% beyond the data on each side.
        var (from, to) = (min / Margin, max * Margin);
        var low = Math.Floor(Math.Log10(min));
        var high = Math.Ceiling(Math.Log10(max));
        var positions = new List<double>();
        var labels = new List<string>();
        for (var exponent = low; exponent <= high; exponent++)
        {
            foreach (var multiple in new[] { 1, 2, 5 })
            {
                var value = multiple * Math.Pow(10, exponent);
                if (value >= from && value <= to)
                {
                    positions.Add(Math.Log10(value));
                    labels.Add(value.ToString(value < 1 ? "0.###" : "#,0", CultureInfo.InvariantCulture));
                }
            }
        }

        plot.Axes.Bottom.SetTicks([.. positions], [.. labels]);
        plot.Axes.SetLimitsX(Math.Log10(from), Math.Log10(to));
    }
}
