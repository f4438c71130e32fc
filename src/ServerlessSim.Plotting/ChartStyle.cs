using ScottPlot;
using ScottPlot.Palettes;
using SkiaSharp;

namespace ServerlessSim.Plotting;

/// <summary>The look every chart shares: a sans-serif font at sizes readable at a glance, and one colour per policy.</summary>
internal static class ChartStyle
{
    public const int Width = 960;
    public const int PanelHeight = 320;
    public const int SinglePanelHeight = 540;

    private static readonly string[] SansSerifFonts = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans", "Segoe UI"];
    private static readonly Category10 Palette = new();
    private static readonly Lazy<string?> InstalledSansSerif = new(() =>
    {
        var families = SKFontManager.Default.GetFontFamilies();
        return SansSerifFonts.FirstOrDefault(f => families.Contains(f, StringComparer.OrdinalIgnoreCase));
    });

    /// <summary>The colour of the policy (or series) at <paramref name="index"/>: the same index, the same colour in every chart.</summary>
    public static Color ColorOf(int index) => Palette.GetColor(index);

    /// <summary>A new panel with the shared style, its axis labels (units in brackets) and optionally a title.</summary>
    public static Plot Panel(string xLabel, string yLabel, string? title = null)
    {
        var plot = new Plot();
        if (InstalledSansSerif.Value is { } font)
        {
            plot.Font.Set(font);
        }

        if (title is not null)
        {
            plot.Title(title, size: 18);
        }

        plot.XLabel(xLabel, size: 15);
        plot.YLabel(yLabel, size: 15);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Legend.FontSize = 13;
        plot.Legend.Alignment = Alignment.UpperRight;
        return plot;
    }
}
