using System.Text.Json.Nodes;
using ServerlessSim.Tests.TestSupport;

namespace ServerlessSim.Tests.Cli;

/// <summary>
/// The built command in a child process, stopped by a real SIGINT or SIGTERM sent with kill: it exits with 130,
/// prints and writes what finished, marked partial, and a rerun with that many replications gives the same numbers.
/// </summary>
[Platform(Exclude = "Win", Reason = "POSIX signals sent with kill")]
public class SignalTests
{
    // Short runs (about 40,000 requests each) and far more replications than can finish: the signal always interrupts.
    private const string Scenario = """
        {
          "name": "signalled", "seed": 9, "horizonSeconds": 20, "warmUpSeconds": 2, "replications": 10000,
          "function": { "arrivals": { "ratePerSecond": 2000 }, "work": { "cpuMs": 5, "ioWaitMs": { "type": "exponential", "meanMs": 50 } } },
          "policies": [
            { "name": "lambda", "concurrency": "onePerInstance" },
            { "name": "many", "concurrency": "manyPerInstance", "maxConcurrentPerInstance": 10, "vCpus": 1 }
          ]
        }
        """;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RunFor = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromMinutes(1);

    private string _directory = string.Empty;

    private string Out => Path.Combine(_directory, "out");

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("serverless-sim-signal-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Run_stopped_by_sigint_writes_partial_results_that_a_rerun_reproduces()
    {
        var scenario = Path.Combine(_directory, "scenario.json");
        await File.WriteAllTextAsync(scenario, Scenario);

        var (exit, stdout, stderr) = await Interrupt("INT", "run", scenario, "--out", Out, "--threads", "1");

        exit.Should().Be(130, stderr);
        stderr.Should().Contain("serverless-sim: cancelled; the results hold the first").And.NotContain("   at ");
        stdout.Should().Contain("PARTIAL: cancelled; these are the first");
        var written = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Out, "results.json")))!;
        written["partial"]!.GetValue<bool>().Should().BeTrue();
        var replications = written["scenario"]!["replications"]!.GetValue<int>();
        replications.Should().BeInRange(1, 9999, "some replications finished in {0} and not all", RunFor);
        (await File.ReadAllTextAsync(Path.Combine(Out, "report.md"))).Should().StartWith("# signalled (partial: cancelled)").And.Contain("PARTIAL: cancelled");
        (await File.ReadAllTextAsync(Path.Combine(Out, "PARTIAL.txt"))).Should().Contain($"the first {replications} replication(s)", "the CSVs beside it are flagged by this file");
        Directory.GetFiles(Out, "*.tmp").Should().BeEmpty();

        var rerun = await CliRunner.Run("run", scenario, "--replications", replications.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json", "--quiet");
        rerun.Exit.Should().Be(0, rerun.Err);
        written["partial"] = false;
        written.ToJsonString().Should().Be(JsonNode.Parse(rerun.Out)!.ToJsonString(), "the partial results are those of a run with that many replications");
    }

    [Test]
    public async Task Compare_stopped_by_sigterm_prints_and_writes_partial_results()
    {
        var (exit, stdout, stderr) = await Interrupt("TERM", "compare", "--replications", "200", "--threads", "1", "--out", Out);

        exit.Should().Be(130, stderr);
        stdout.Should().Contain("PARTIAL: cancelled");
        JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Out, "results.json")))!["partial"]!.GetValue<bool>().Should().BeTrue();
        (await File.ReadAllTextAsync(Path.Combine(Out, "report.md"))).Should().StartWith("# io-heavy-api (partial: cancelled)");
    }

    [Test]
    public async Task Sweep_stopped_by_sigint_writes_a_partial_sweep()
    {
        var scenario = Path.Combine(_directory, "scenario.json");
        await File.WriteAllTextAsync(scenario, Scenario.Replace("\"replications\": 10000", "\"replications\": 50", StringComparison.Ordinal));

        var (exit, stdout, stderr) = await Interrupt(
            "INT", "sweep", scenario, "--set", "policies[1].maxConcurrentPerInstance=1,2,3,4,5,6,7,8,9,10,11,12", "--threads", "1", "--out", Out);

        exit.Should().Be(130, stderr);
        stderr.Should().Contain("serverless-sim: cancelled; the output holds only the points");
        stdout.Should().Contain("PARTIAL: cancelled").And.NotContain("objective:");
        JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Out, "sweep.json")))!["partial"]!.GetValue<bool>().Should().BeTrue();
        File.Exists(Path.Combine(Out, "sweep.csv")).Should().BeTrue();
        (await File.ReadAllTextAsync(Path.Combine(Out, "PARTIAL.txt"))).Should().Contain("the sweep was cancelled");
    }

    // Starts the command, lets it run a while once it has started its runs, sends the signal and waits for it to exit.
    private static async Task<(int? Exit, string Out, string Err)> Interrupt(string signal, params string[] args)
    {
        using var child = ChildCli.Start(args);
        (await child.WaitForErrorLine("serverless-sim: running", StartTimeout)).Should().BeTrue("the command should start its runs: {0}", child.Err);
        await Task.Delay(RunFor);
        child.Send(signal);
        var exit = await child.Exit(ExitTimeout);
        return (exit, child.Out, child.Err);
    }
}
