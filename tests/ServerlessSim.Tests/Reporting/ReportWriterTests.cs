using ServerlessSim.Reporting;
using ServerlessSim.Tests.TestSupport;

namespace ServerlessSim.Tests.Reporting;

public class ReportWriterTests
{
    [Test]
    public void The_report_embeds_each_figure_under_its_caption_with_a_link_to_the_svg()
    {
        var markdown = ReportWriter.Markdown(SmallComparison.Result, [new ReportFigure("Latency CDF per policy", "latency-cdf.png", "latency-cdf.svg"), new ReportFigure("Cost", "cost.png")]);

        markdown.Should().Contain("| latency p99 (ms) |");
        markdown.Should().Contain("## Latency CDF per policy\n\n![Latency CDF per policy](latency-cdf.png)\n\n[SVG](latency-cdf.svg)\n");
        markdown.Should().Contain("## Cost\n\n![Cost](cost.png)\n").And.NotContain("[SVG](cost");
        markdown.IndexOf("![Latency CDF", StringComparison.Ordinal).Should().BeGreaterThan(markdown.IndexOf("| latency p99 (ms) |", StringComparison.Ordinal), "the table comes first");
    }

    [Test]
    public void Without_figures_the_report_has_no_chart_section()
    {
        ReportWriter.Markdown(SmallComparison.Result).Should().NotContain("![");
    }
}
