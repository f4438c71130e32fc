using System.Text.Json;
using ServerlessSim.Cli;
using ServerlessSim.Tests.Configuration;

using ServerlessSim.Tests.TestSupport;

namespace ServerlessSim.Tests.Cli;

public class CliFormatTests
{
    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    private static string HandComputable => ExampleFiles.PathOf("hand-computable.json");

    [Test]
    public async Task Format_json_and_the_json_alias_print_the_same_document()
    {
        var viaFormat = await Run("run", HandComputable, "--format", "json");
        var viaAlias = await Run("run", HandComputable, "--json");

        viaFormat.Exit.Should().Be(0);
        viaFormat.Out.Should().Be(viaAlias.Out);
        JsonDocument.Parse(viaFormat.Out).RootElement.GetProperty("policies").GetArrayLength().Should().Be(2);
    }

    [Test]
    public async Task Format_csv_prints_the_summary_csv_only()
    {
        var (exit, stdout, _) = await Run("run", HandComputable, "--format", "csv");

        exit.Should().Be(0);
        var lines = stdout.TrimEnd('\n').Split('\n');
        lines[0].Should().Be("policy,metric,mean,ci95HalfWidth,replications");
        lines.Skip(1).Should().OnlyContain(l => l.StartsWith("lambda,", StringComparison.Ordinal) || l.StartsWith("many-k80,", StringComparison.Ordinal));
        lines.Should().Contain("lambda,coldStarts,1,,1");
    }

    [Test]
    public async Task Format_md_prints_the_report_without_charts()
    {
        var (exit, stdout, _) = await Run("run", HandComputable, "--format", "MD");

        exit.Should().Be(0);
        stdout.Should().StartWith("# hand-computable").And.Contain("| latency p99 (ms) |").And.NotContain("![");
    }

    [Test]
    public async Task Quiet_keeps_the_table_and_drops_the_status_lines()
    {
        var directory = Path.Combine(Path.GetTempPath(), "serverless-sim-quiet-" + Guid.NewGuid().ToString("N"));
        try
        {
            var loud = await Run("run", HandComputable);
            var (exit, quiet, stderr) = await Run("run", HandComputable, "--quiet", "--out", directory);

            exit.Should().Be(0);
            loud.Out.Should().Contain("simulated ");
            quiet.Should().Contain("latency p99 (ms)").And.NotContain("simulated ").And.NotContain("wrote ");
            stderr.Should().BeEmpty();
            File.Exists(Path.Combine(directory, "report.md")).Should().BeTrue("--quiet silences the status lines, not the files");
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static IEnumerable<TestCaseData> BadFormats()
    {
        yield return new TestCaseData(new[] { "run", "x.json", "--format", "xml" }, "--format: \"xml\" must be one of: table, json, csv, md").SetName("unknown format");
        yield return new TestCaseData(new[] { "compare", "--json", "--format", "csv" }, "conflicts with --format csv").SetName("json with another format");
    }

    [TestCaseSource(nameof(BadFormats))]
    public async Task A_bad_format_exits_2_naming_the_option_and_value(string[] args, string message)
    {
        var (exit, stdout, stderr) = await Run(args);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain(message);
    }
}
