using ServerlessSim.Cli;
using ServerlessSim.Configuration;

using ServerlessSim.Tests.TestSupport;

namespace ServerlessSim.Tests.Cli;

public class CliHelpAndInitTests
{
    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    [TestCase(new string[0], "serverless-sim compare --out report")]
    [TestCase(new[] { "compare" }, "serverless-sim compare --format json > results.json")]
    [TestCase(new[] { "run" }, "serverless-sim run scenario.json --format csv > summary.csv")]
    [TestCase(new[] { "validate" }, "serverless-sim validate --out docs")]
    [TestCase(new[] { "init" }, "serverless-sim init my-api.json --force")]
    public async Task Help_ends_with_examples_for_every_command(string[] command, string example)
    {
        var (exit, stdout, _) = await Run([.. command, "--help"]);

        exit.Should().Be(0);
        stdout.Should().Contain("Usage:").And.Contain("\nExamples:\n").And.Contain("  " + example + "  ");
    }

    [Test]
    public async Task Init_writes_a_commented_scenario_that_run_loads_and_runs()
    {
        var directory = Path.Combine(Path.GetTempPath(), "serverless-sim-init-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(directory, "nested", "my-api.json");
        try
        {
            var (exit, stdout, stderr) = await Run("init", path);

            exit.Should().Be(0, stderr);
            stdout.Should().Contain("wrote " + path);
            File.ReadAllText(path).Should().Contain("// ");
            var scenario = ScenarioFile.Load(path);
            scenario.Policies.Select(p => p.Name).Should().Equal("lambda", "many-k80");

            var run = await Run("run", path, "--replications", "1", "--format", "csv");
            run.Exit.Should().Be(0, run.Err);
            run.Out.Should().Contain("many-k80,throttleRatio,");
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Test]
    public async Task Init_refuses_to_overwrite_without_force_and_exits_2()
    {
        var path = Path.Combine(Path.GetTempPath(), "serverless-sim-init-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(path, "mine");
        try
        {
            var (exit, _, stderr) = await Run("init", path);

            exit.Should().Be(2);
            stderr.Should().Contain($"path: \"{path}\" already exists").And.Contain("--force");
            File.ReadAllText(path).Should().Be("mine");

            (await Run("init", path, "--force")).Exit.Should().Be(0);
            File.ReadAllText(path).Should().Be(StarterScenario.Json);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Init_refuses_a_folder()
    {
        var (exit, _, stderr) = await Run("init", Path.GetTempPath());

        exit.Should().Be(2);
        stderr.Should().Contain("is a folder");
    }
}
