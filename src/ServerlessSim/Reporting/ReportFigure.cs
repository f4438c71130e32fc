namespace ServerlessSim.Reporting;

/// <summary>A chart that report.md embeds: an image beside the report, with a caption and optionally a vector copy.</summary>
/// <remarks>The core library draws no charts; ServerlessSim.Plotting writes them and describes them with this record.</remarks>
/// <param name="Caption">What the chart shows, one line (used as its heading and alternative text).</param>
/// <param name="ImageFile">The image's file name, relative to the report's folder (e.g. <c>latency-cdf.png</c>).</param>
/// <param name="VectorFile">The same chart as SVG, relative to the report's folder; null when there is none.</param>
public sealed record ReportFigure(string Caption, string ImageFile, string? VectorFile = null);
