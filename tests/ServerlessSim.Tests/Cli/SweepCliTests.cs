using System.Diagnostics;
using ServerlessSim.Cli;
using ServerlessSim.Tests.TestSupport;

namespace ServerlessSim.Tests.Cli;

public class SweepCliTests
{
    private string _directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => _directory = Path.Combine(Path.GetTempPath(), "serverless-sim-sweep-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    private string Scenario => SweepScenarios.WriteTemporary(SweepScenarios.Small, _directory);

    private static readonly string[] Set = ["--set", "policies[1].maxConcurrentPerInstance=1,5,20", "--set", "function.keepAliveSeconds=10,60"];

    [Test]
    public async Task Sweep_writes_a_tidy_csv_and_json_and_prints_the_objectives_choice()
    {
        var scenario = Scenario;
        var (exit, stdout, stderr) = await Run(["sweep", scenario, .. Set, "--out", Path.Combine(_directory, "out"), "--max-p99-ms", "800", "--max-throttle-ratio", "0.01"]);

        exit.Should().Be(0, stderr);
        File.ReadAllLines(Path.Combine(_directory, "out", "sweep.csv"))[0].Should().StartWith("point,policies[1].maxConcurrentPerInstance,function.keepAliveSeconds,policy,");
        File.ReadAllText(Path.Combine(_directory, "out", "sweep.json")).Should().Contain("\"maxP99Ms\": 800");
        stdout.Should().Contain("objective: the cheapest (cost per 1M requests) with mean p99 <= 800 ms and throttled <= 1%").And.Contain("<- cheapest");
    }

    [Test]
    public async Task An_invalid_set_value_exits_2_naming_the_set_argument()
    {
        var (exit, stdout, stderr) = await Run("sweep", Scenario, "--set", "policies[1].maxConcurrentPerInstance=0,5", "--set", "nonsense", "--json");

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("--set policies[1].maxConcurrentPerInstance=0,5: policies[1].maxConcurrentPerInstance: 0 must be an integer from 1 to 10000")
            .And.Contain("--set nonsense: \"nonsense\" must be PATH=VALUE[,VALUE...]").And.NotContain("   at ");
    }

    [TestCase("2/2")]
    [TestCase("/2")]
    [TestCase("a/b")]
    public async Task A_bad_shard_exits_2(string shard)
    {
        var (exit, _, stderr) = await Run(["sweep", Scenario, .. Set, "--shard", shard]);

        exit.Should().Be(2);
        stderr.Should().Contain($"--shard: \"{shard}\"");
    }

    [Test]
    public async Task Merge_with_a_missing_part_exits_2()
    {
        var scenario = Scenario;
        var parts = Path.Combine(_directory, "parts");
        (await Run(["sweep", scenario, .. Set, "--shard", "0/3", "--out", parts])).Exit.Should().Be(0);

        var (exit, _, stderr) = await Run("merge", Path.Combine(parts, "sweep-part-0-of-3.json"), "--out", Path.Combine(_directory, "merged"));

        exit.Should().Be(2);
        stderr.Should().Contain("merge: shard 1/3 is missing").And.Contain("merge: shard 2/3 is missing");
        Directory.Exists(Path.Combine(_directory, "merged")).Should().BeFalse();
    }

    /// <summary>The scale-out contract end to end: shards as separate processes of the built CLI, merged, equal to one process.</summary>
    [Test]
    public async Task Shards_run_as_separate_processes_merge_to_the_single_process_output()
    {
        var scenario = Scenario;
        var single = Path.Combine(_directory, "single");
        var parts = Path.Combine(_directory, "parts");
        var merged = Path.Combine(_directory, "merged");
        (await Run(["sweep", scenario, .. Set, "--out", single])).Exit.Should().Be(0);

        var shards = Enumerable.Range(0, 3)
            .Select(i => StartCli(["sweep", scenario, .. Set, "--shard", $"{i}/3", "--out", parts, "--threads", "1"]))
            .ToArray();
        foreach (var shard in shards)
        {
            await shard.WaitForExitAsync();
            shard.ExitCode.Should().Be(0, await shard.StandardError.ReadToEndAsync());
        }

        var partFiles = Directory.GetFiles(parts).OrderByDescending(f => f, StringComparer.Ordinal).ToArray();
        partFiles.Select(Path.GetFileName).Should().BeEquivalentTo("sweep-part-0-of-3.json", "sweep-part-1-of-3.json", "sweep-part-2-of-3.json");
        (await Run(["merge", .. partFiles, "--out", merged])).Exit.Should().Be(0);

        foreach (var file in new[] { "sweep.csv", "sweep.json" })
        {
            File.ReadAllBytes(Path.Combine(merged, file)).Should().Equal(File.ReadAllBytes(Path.Combine(single, file)), file);
        }
    }

    // The CLI built next to the tests (the test project references it), run with `dotnet serverless-sim.dll`.
    private static Process StartCli(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "serverless-sim.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        return process;
    }
}
