using System.Text.Json;
using ServerlessSim.Cli;
using ServerlessSim.Tests.Workload.Traces;

using ServerlessSim.Tests.TestSupport;

namespace ServerlessSim.Tests.Cli;

/// <summary><c>serverless-sim replay</c>: a trace under compare's policies, per-function results, errors with exit code 2.</summary>
public class ReplayCommandTests
{
    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    [Test]
    public async Task Replay_of_the_azure_2021_sample_prints_both_policies_with_each_function()
    {
        var (exit, stdout, _) = await Run("replay", "azure2021", TraceSamples.Azure2021, "--json", "--replications", "1");

        exit.Should().Be(0);
        using var document = JsonDocument.Parse(stdout);
        var policies = document.RootElement.GetProperty("policies");
        policies.GetArrayLength().Should().Be(2);
        policies[0].GetProperty("requests").GetDouble().Should().BeGreaterThan(0);
        policies[0].GetProperty("functions").GetArrayLength().Should().BeGreaterThan(1);
    }

    [Test]
    public async Task Replay_selects_functions_and_writes_functions_csv()
    {
        var directory = Path.Combine(TraceSamples.TemporaryRoot, Guid.NewGuid().ToString("N"));

        var (exit, _, _) = await Run(
            "replay", "azure2019", TraceSamples.Azure2019TenFunctions, "--functions", "top:2", "--time-scale", "0.05", "--replications", "1", "--out", directory);

        exit.Should().Be(0);
        var rows = File.ReadAllLines(Path.Combine(directory, "functions.csv")).Skip(1).Select(l => l.Split(',')[1]).Distinct();
        rows.Should().HaveCount(2);
    }

    [TestCase("--functions", "top:none", "--functions: \"top:none\"")]
    [TestCase("--functions", "sample:3/2", "--functions: \"sample:3/2\"")]
    [TestCase("--time-scale", "-1", "--time-scale: \"-1\" must be a number greater than 0")]
    public async Task Bad_replay_options_exit_2_naming_the_option_and_value(string option, string value, string named)
    {
        var (exit, _, stderr) = await Run("replay", "azure2021", TraceSamples.Azure2021, option, value);

        exit.Should().Be(2);
        stderr.Should().Contain(named).And.NotContain("   at ");
    }

    [Test]
    public async Task A_missing_trace_exits_2()
    {
        var (exit, _, stderr) = await Run("replay", "csv", "/nonexistent/trace.csv");

        exit.Should().Be(2);
        stderr.Should().Contain("/nonexistent/trace.csv");
    }
}
