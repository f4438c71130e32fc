using System.Xml.Linq;
using ServerlessSim.Plotting;
using ServerlessSim.Tests.TestSupport;
using SkiaSharp;

namespace ServerlessSim.Tests.Plotting;

public class ChartsTests
{
    private static string Text(Chart chart) =>
        string.Concat(XDocument.Parse(chart.ToSvg()).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value + "\n"));

    [Test]
    public void A_comparison_gives_four_charts_whose_axes_name_their_units_and_whose_legends_name_the_policies()
    {
        var charts = Charts.ForComparison(SmallComparison.Result);

        charts.Select(c => c.Name).Should().Equal("latency-cdf", "instances-over-time", "throttles-cold-starts-over-time", "cost");
        var texts = charts.Select(Text).ToArray();
        texts[0].Should().Contain("latency (ms, log scale)").And.Contain("completed requests within the latency (%)");
        texts[1].Should().Contain("simulated time (s)").And.Contain("live instances").And.Contain("requests in flight");
        texts[2].Should().Contain("throttled requests, cumulative").And.Contain("cold starts (requests), cumulative");
        texts[3].Should().Contain("cost (USD)").And.Contain("compute");
        foreach (var text in texts)
        {
            text.Should().Contain("lambda").And.Contain("many-k80");
        }
    }

    [Test]
    public void Png_is_an_image_of_the_asked_size_and_not_blank()
    {
        var chart = Charts.LatencyCdf(SmallComparison.Result);

        using var bitmap = SKBitmap.Decode(chart.ToPng(640, 400));

        bitmap.Width.Should().Be(640);
        bitmap.Height.Should().Be(400);
        var colours = new HashSet<SKColor>();
        for (var x = 0; x < bitmap.Width; x += 7)
        {
            for (var y = 0; y < bitmap.Height; y += 7)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }

        colours.Count.Should().BeGreaterThan(10, "axes, text and two coloured curves are drawn on the white background");
    }

    [Test]
    public void Write_to_writes_png_and_svg_and_describes_them_for_the_report()
    {
        var directory = Path.Combine(Path.GetTempPath(), "serverless-sim-charts-" + Guid.NewGuid().ToString("N"));
        try
        {
            var figure = Charts.CostBreakdown(SmallComparison.Result).WriteTo(directory);

            figure.ImageFile.Should().Be("cost.png");
            figure.VectorFile.Should().Be("cost.svg");
            Directory.GetFiles(directory).Select(Path.GetFileName).Should().BeEquivalentTo("cost.png", "cost.svg");
            File.ReadAllBytes(Path.Combine(directory, "cost.png")).Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Cost_bars_take_any_components_and_write_each_total_with_its_interval()
    {
        var chart = Charts.CostBreakdown(
            [
                new PolicyCost("lambda", new Dictionary<string, double> { ["requests"] = 0.25, ["compute"] = 4.5, ["provisioned"] = 1.25 }, 0.04),
                new PolicyCost("k80", new Dictionary<string, double> { ["compute"] = 2.2 }),
            ],
            "cost");

        var text = Text(chart);

        text.Should().Contain("$6.00 ± 0.04").And.Contain("$2.20").And.Contain("provisioned").And.Contain("requests (per-request charge)");
    }

    [Test]
    public void Sweep_curves_draw_each_series_with_its_error_bars_on_a_log_axis_when_asked()
    {
        SweepSeries[] series =
        [
            new("lambda", [new SweepPoint(1, 600, 5), new SweepPoint(10, 620, 6), new SweepPoint(100, 650, 7)]),
            new("many", [new SweepPoint(1, 610), new SweepPoint(10, 700), new SweepPoint(100, 900)]),
        ];

        var chart = Charts.SweepCurves(series, "requests per instance, K", "latency p99 (ms)", "p99 against K", logX: true);
        var text = Text(chart);

        text.Should().Contain("requests per instance, K, log scale").And.Contain("latency p99 (ms)").And.Contain("lambda").And.Contain("many");
        text.Should().Contain("10").And.Contain("100", "the log axis is labelled with the values, not their logarithms");
        chart.Plots[0].GetPlottables().OfType<ScottPlot.Plottables.ErrorBar>().Should().HaveCount(1, "only the series with intervals gets error bars");
    }

    [TestCase(0.5, 20.0, new[] { "0.5", "1", "2", "5", "10", "20" })]
    [TestCase(35.0, 4000.0, new[] { "50", "100", "200", "500", "1,000", "2,000" })]
    public void The_log_axis_is_labelled_at_1_2_and_5_times_powers_of_ten(double min, double max, string[] labels)
    {
        var plot = new ScottPlot.Plot();

        LogAxis.ApplyToBottom(plot, min, max);
        plot.Add.ScatterLine(new[] { Math.Log10(min), Math.Log10(max) }, new[] { 0.0, 1.0 });
        plot.GetImage(800, 400).Dispose(); // Ticks are chosen when the axis is drawn.

        var ticks = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).ToArray();
        ticks.Select(t => t.Label).Should().Equal(labels);
        ticks.Select(t => Math.Pow(10, t.Position)).Should().Equal(labels.Select(l => double.Parse(l.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)), (a, b) => Math.Abs(a - b) < 1e-9 * b);
    }

    [Test]
    public void Html_embeds_the_png_for_notebooks()
    {
        var chart = Charts.InstancesAndInFlight(SmallComparison.Result);

        chart.ToHtml().Should().StartWith("<img alt=\"Live instances and requests in flight over time\"").And.Contain("data:image/png;base64,iVBOR");
    }

    [Test]
    public void A_size_out_of_range_is_refused_with_its_value()
    {
        var chart = Charts.LatencyCdf(SmallComparison.Result);

        FluentActions.Invoking(() => chart.ToPng(width: 0)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*16 to 10000*").WithParameterName("width");
    }
}
