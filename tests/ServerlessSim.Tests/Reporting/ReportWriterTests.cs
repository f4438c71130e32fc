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
    public void A_cancelled_runs_folder_is_marked_partial_until_a_complete_run_is_written_over_it()
    {
        var directory = Path.Combine(Path.GetTempPath(), "serverless-sim-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            var marker = Path.Combine(directory, ReportWriter.PartialMarkerFile);
            var partial = SmallComparison.Result with { Partial = true };

            ReportWriter.WriteAll(partial, directory).Should().Contain(marker);
            File.ReadAllText(marker).Should().StartWith("These results are partial").And.Contain("the first 2 replication(s)").And.Contain("seed 11");

            ReportWriter.WriteAll(SmallComparison.Result, directory).Should().NotContain(marker);
            File.Exists(marker).Should().BeFalse("the complete results written over the partial ones are not partial");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Without_figures_the_report_has_no_chart_section()
    {
        ReportWriter.Markdown(SmallComparison.Result).Should().NotContain("![");
    }

    [Test]
    public void The_table_as_html_has_a_header_row_and_a_row_per_metric_with_text_encoded()
    {
        var table = new ComparisonTable(["metric", "a<b"], [["requests", "1 & 2"], ["cost (USD)", "3"]]);

        var html = table.ToHtml();

        html.Should().StartWith("<table>").And.Contain("<th style=\"text-align:right\">a&lt;b</th>");
        html.Should().Contain("<tr><td style=\"text-align:left\">requests</td><td style=\"text-align:right\">1 &amp; 2</td></tr>");
        html.Split("<tr>").Should().HaveCount(4, "a header row and two rows");
    }
}
