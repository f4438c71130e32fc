using System.Globalization;
using System.Text;
using ScottPlot;
using ScottPlot.MultiplotLayouts;
using ServerlessSim.Reporting;
using SkiaSharp;

namespace ServerlessSim.Plotting;

/// <summary>A chart of simulation results, one panel or several stacked with a shared x axis, saved as PNG or SVG.</summary>
/// <remarks>
/// Built by <see cref="Charts"/>. The panels are ScottPlot plots (<see cref="Plots"/>): change titles, colours or
/// limits there before saving. Not thread-safe.
/// </remarks>
public sealed class Chart
{
    private readonly Multiplot _figure = new();

    internal Chart(string name, string caption, IReadOnlyList<Plot> plots, int width, int height)
    {
        Name = name;
        Caption = caption;
        Plots = plots;
        Width = width;
        Height = height;
        _figure.Subplots.Remove(_figure.Subplots.GetPlot(0)); // The figure starts with an empty plot of its own.
        foreach (var plot in plots)
        {
            _figure.AddPlot(plot);
        }

        _figure.Layout = new Rows();
        if (plots.Count > 1)
        {
            _figure.SharedAxes.ShareX(plots);
        }
    }

    /// <summary>A short name for files: <c>latency-cdf</c> gives <c>latency-cdf.png</c> and <c>latency-cdf.svg</c>.</summary>
    public string Name { get; }

    /// <summary>What the chart shows, one line (report.md uses it as the heading and alternative text).</summary>
    public string Caption { get; }

    /// <summary>The panels, top to bottom, as ScottPlot plots that can be customised before saving.</summary>
    public IReadOnlyList<Plot> Plots { get; }

    /// <summary>The default width, in pixels.</summary>
    public int Width { get; }

    /// <summary>The default height, in pixels.</summary>
    public int Height { get; }

    /// <summary>The chart as a PNG image.</summary>
    /// <param name="width">Width in pixels; null for <see cref="Width"/>.</param>
    /// <param name="height">Height in pixels; null for <see cref="Height"/>.</param>
    public byte[] ToPng(int? width = null, int? height = null)
    {
        var (w, h) = Size(width, height);
        using var surface = SKSurface.Create(new SKImageInfo(w, h)) ?? throw new InvalidOperationException($"Skia could not create a {w} x {h} surface.");
        surface.Canvas.Clear(SKColors.White);
        _figure.Render(surface.Canvas, new PixelRect(0, w, h, 0));
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The chart as an SVG document (UTF-8 text).</summary>
    /// <param name="width">Width in pixels; null for <see cref="Width"/>.</param>
    /// <param name="height">Height in pixels; null for <see cref="Height"/>.</param>
    public string ToSvg(int? width = null, int? height = null)
    {
        var (w, h) = Size(width, height);
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, w, h), stream))
        {
            canvas.Clear(SKColors.White);
            _figure.Render(canvas, new PixelRect(0, w, h, 0));
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>An HTML <c>img</c> element holding the PNG, for notebooks and web pages.</summary>
    public string ToHtml()
    {
        var png = Convert.ToBase64String(ToPng());
        return string.Create(CultureInfo.InvariantCulture,
            $"<img alt=\"{System.Net.WebUtility.HtmlEncode(Caption)}\" width=\"{Width}\" height=\"{Height}\" src=\"data:image/png;base64,{png}\" />");
    }

    /// <summary>Writes <c>Name.png</c> and <c>Name.svg</c> into <paramref name="directory"/> (created if missing).</summary>
    /// <returns>The figure for report.md, with file names relative to <paramref name="directory"/>.</returns>
    /// <remarks>Each file is written through <see cref="AtomicFile"/>, so an interrupted write leaves no half-written file.</remarks>
    public ReportFigure WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var png = Name + ".png";
        var svg = Name + ".svg";
        AtomicFile.WriteAllBytes(Path.Combine(directory, png), ToPng());
        AtomicFile.WriteAllText(Path.Combine(directory, svg), ToSvg());
        return new ReportFigure(Caption, png, svg);
    }

    private (int Width, int Height) Size(int? width, int? height)
    {
        var w = width ?? Width;
        var h = height ?? Height;
        if (w is < 16 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(width), w, "The width must be from 16 to 10000 pixels.");
        }

        if (h is < 16 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(height), h, "The height must be from 16 to 10000 pixels.");
        }

        return (w, h);
    }
}
