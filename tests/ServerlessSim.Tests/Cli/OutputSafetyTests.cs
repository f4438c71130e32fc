using ServerlessSim.Tests.Configuration;
using ServerlessSim.Tests.TestSupport;

namespace ServerlessSim.Tests.Cli;

/// <summary>--out never writes among other files without --force; shards share a directory, each owning its part file.</summary>
public class OutputSafetyTests
{
    private string _directory = string.Empty;

    private string Out => Path.Combine(_directory, "out");

    private static string HandComputable => ExampleFiles.PathOf("hand-computable.json");

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("serverless-sim-out-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task A_non_empty_out_directory_is_refused_before_anything_runs_and_left_as_it_was()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "results.json"), "an earlier run's results");

        var (exit, stdout, stderr) = await CliRunner.Run("run", HandComputable, "--out", Out);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain($"--out: \"{Out}\" is not empty (1 entry: results.json); results are not written among other files: give a new or empty directory, or --force");
        Directory.GetFileSystemEntries(Out).Should().ContainSingle();
        File.ReadAllText(Path.Combine(Out, "results.json")).Should().Be("an earlier run's results");
    }

    [Test]
    public async Task Force_replaces_the_files_of_the_same_names_and_leaves_the_others()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "results.json"), "an earlier run's results");
        File.WriteAllText(Path.Combine(Out, "notes.txt"), "mine");

        var (exit, _, stderr) = await CliRunner.Run("run", HandComputable, "--out", Out, "--force", "--quiet");

        exit.Should().Be(0, stderr);
        File.ReadAllText(Path.Combine(Out, "results.json")).Should().StartWith("{");
        File.ReadAllText(Path.Combine(Out, "notes.txt")).Should().Be("mine");
        Directory.GetFiles(Out, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty("every file is renamed into place");
    }

    [Test]
    public async Task An_empty_or_missing_out_directory_is_written()
    {
        Directory.CreateDirectory(Out);

        (await CliRunner.Run("run", HandComputable, "--out", Out, "--quiet")).Exit.Should().Be(0);
        (await CliRunner.Run("run", HandComputable, "--out", Path.Combine(_directory, "new", "deeper"), "--quiet")).Exit.Should().Be(0);

        File.Exists(Path.Combine(Out, "results.json")).Should().BeTrue();
        File.Exists(Path.Combine(_directory, "new", "deeper", "results.json")).Should().BeTrue();
    }

    [Test]
    public async Task Shards_share_a_directory_and_a_finished_part_is_not_replaced_without_force()
    {
        var scenario = SweepScenarios.WriteTemporary(SweepScenarios.Small, _directory);
        string[] Shard(int index, params string[] more) =>
            ["sweep", scenario, "--set", "function.keepAliveSeconds=10,60", "--replications", "1", "--shard", $"{index}/2", "--out", Out, "--quiet", .. more];

        (await CliRunner.Run(Shard(0))).Exit.Should().Be(0);
        (await CliRunner.Run(Shard(1))).Exit.Should().Be(0, "the other shard's part does not count");
        var again = await CliRunner.Run(Shard(0));
        (await CliRunner.Run(Shard(0, "--force"))).Exit.Should().Be(0);

        again.Exit.Should().Be(2);
        again.Err.Should().Contain($"--out: \"{Path.Combine(Out, "sweep-part-0-of-2.json")}\" already exists (a finished part); a shard does not replace its part without --force");
        Directory.GetFiles(Out).Select(Path.GetFileName).Should().BeEquivalentTo("sweep-part-0-of-2.json", "sweep-part-1-of-2.json");
    }

    [Test]
    public async Task A_partial_part_is_replaced_by_its_shard_run_again()
    {
        var scenario = SweepScenarios.WriteTemporary(SweepScenarios.Small, _directory);
        string[] shard = ["sweep", scenario, "--set", "function.keepAliveSeconds=10,60", "--replications", "1", "--shard", "0/2", "--out", Out, "--quiet"];
        (await CliRunner.Run(shard)).Exit.Should().Be(0);
        var part = Path.Combine(Out, "sweep-part-0-of-2.json");
        File.WriteAllText(part, File.ReadAllText(part).Replace("\"partial\": false", "\"partial\": true", StringComparison.Ordinal));

        var (exit, _, stderr) = await CliRunner.Run(shard);

        exit.Should().Be(0, stderr);
        File.ReadAllText(part).Should().Contain("\"partial\": false");
    }

    [Test]
    public async Task Merge_refuses_a_non_empty_out_directory()
    {
        var scenario = SweepScenarios.WriteTemporary(SweepScenarios.Small, _directory);
        (await CliRunner.Run("sweep", scenario, "--set", "function.keepAliveSeconds=10", "--replications", "1", "--shard", "0/1", "--out", Out, "--quiet")).Exit.Should().Be(0);

        var (exit, _, stderr) = await CliRunner.Run("merge", Path.Combine(Out, "sweep-part-0-of-1.json"), "--out", Out);

        exit.Should().Be(2);
        stderr.Should().Contain($"--out: \"{Out}\" is not empty (1 entry: sweep-part-0-of-1.json)");
        (await CliRunner.Run("merge", Path.Combine(Out, "sweep-part-0-of-1.json"), "--out", Out, "--force")).Exit.Should().Be(0);
        File.Exists(Path.Combine(Out, "sweep.json")).Should().BeTrue();
    }
}
