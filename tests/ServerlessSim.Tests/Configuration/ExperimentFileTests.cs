using ServerlessSim.Configuration;
using ServerlessSim.Experiments;
using ServerlessSim.Experiments.Sweeps;
using ServerlessSim.Tests.TestSupport;

namespace ServerlessSim.Tests.Configuration;

public class ExperimentFileTests
{
    // The small sweep scenario with its replications replaced by an experiment section.
    private static string WithExperiment(string section, bool keepReplications = false)
    {
        var scenario = keepReplications ? SweepScenarios.Small : SweepScenarios.Small.Replace("\"replications\": 2,", string.Empty, StringComparison.Ordinal);
        return scenario.TrimEnd().TrimEnd('}') + ", \"experiment\": " + section + " }";
    }

    private static IReadOnlyList<string> Errors(string json)
    {
        var act = () => ExperimentFile.Parse(json);
        return act.Should().Throw<ScenarioValidationException>().Which.Errors.Select(e => e.ToString()).ToArray();
    }

    [Test]
    public void A_file_without_the_section_reads_as_ScenarioFile_reads_it()
    {
        var definition = ExperimentFile.Parse(SweepScenarios.Small);

        definition.Scenario.Should().BeEquivalentTo(ScenarioFile.Parse(SweepScenarios.Small));
        definition.Options.Should().Be(ExperimentOptions.Fixed);
        definition.Sweep.Should().BeNull();
        definition.Objective.Should().BeNull();
    }

    [Test]
    public void A_null_section_is_absent()
    {
        ExperimentFile.Parse(WithExperiment("null", keepReplications: true)).Options.Should().Be(ExperimentOptions.Fixed);
    }

    [Test]
    public void The_section_gives_precision_warm_up_sweep_and_objective()
    {
        var definition = ExperimentFile.Parse(WithExperiment("""
            {
              "warmUp": "MSER5", // choices ignore case
              "precision": { "metric": "latencyMs.p99", "relativeHalfWidth": 0.02, "minReplications": 4 },
              "sweep": { "set": ["policies[1].maxConcurrentPerInstance=1,2", "seed=1,2"], "mode": "zip" },
              "objective": { "maxP99Ms": 800, "policy": "many" },
            }
            """).Replace("\"warmUpSeconds\": 5,", string.Empty, StringComparison.Ordinal));

        definition.Options.Should().Be(new ExperimentOptions(new PrecisionTarget("latencyMs.p99", 0.02, 4, 100), WarmUpMethod.Mser5));
        definition.Sweep!.Mode.Should().Be(SweepMode.Zip);
        definition.Sweep.Parameters.Select(p => (p.Path, p.Source)).Should().Equal(
            ("policies[1].maxConcurrentPerInstance", "experiment.sweep.set[0]"), ("seed", "experiment.sweep.set[1]"));
        definition.Objective.Should().Be(new SweepObjective(800, null, "many"));
    }

    [Test]
    public void Every_problem_of_the_section_and_the_scenario_is_reported_together()
    {
        var errors = Errors(WithExperiment("""
            {
              "warmUp": "mser5",
              "precision": { "metric": "latencyMs.p99", "relativeHalfWidth": 0, "maxReplications": 3, "batchReplicatons": 2 },
              "sweep": { "set": ["seed"] },
              "objective": { "policy": "nope" },
              "extra": 1
            }
            """, keepReplications: true).Replace("\"horizonSeconds\": 30", "\"horizonSeconds\": -1", StringComparison.Ordinal));

        errors.Should().BeEquivalentTo(
            "horizonSeconds: -1 must be a number greater than 0 and at most 1000000000 (seconds)",
            "experiment.extra: \"extra\" is not a known field; known fields here: warmUp, precision, sweep, objective",
            "experiment.precision.batchReplicatons: \"batchReplicatons\" is not a known field; did you mean \"batchReplications\"?",
            "experiment.precision.relativeHalfWidth: 0 must be a number greater than 0 and at most 1 (a fraction of the mean, e.g. 0.02 for 2%)",
            "experiment.precision.maxReplications: 3 must be at least minReplications (5)",
            "experiment.sweep.set[0]: \"seed\" must be PATH=VALUE[,VALUE...], e.g. policies[1].maxConcurrentPerInstance=1,2,5",
            "experiment.objective: { \"policy\": \"nope\" } must give maxP99Ms, maxThrottleRatio or both",
            "replications: 2 cannot be combined with experiment.precision, which decides the number of replications (use its minReplications and maxReplications)");
    }

    [Test]
    public void Rules_that_need_the_scenario_are_checked_against_it()
    {
        Errors(WithExperiment("""{ "warmUp": "mser5", "objective": { "maxThrottleRatio": 0.01, "policy": "nope" } }""")).Should().BeEquivalentTo(
            "warmUpSeconds: 5 must be 0 (or absent) with experiment.warmUp \"mser5\", which detects the warm-up",
            "experiment.objective.policy: \"nope\" must name one of the policies: lambda, many");
    }

    [Test]
    public void A_misspelt_section_is_suggested()
    {
        Errors(SweepScenarios.Small.TrimEnd().TrimEnd('}') + ", \"experimnt\": {} }")
            .Should().Equal("experimnt: \"experimnt\" is not a known field; did you mean \"experiment\"?");
    }

    [Test]
    public void Malformed_json_and_missing_files_read_as_for_ScenarioFile()
    {
        Errors("{ \"name\": 1 2 }").Should().ContainSingle().Which.Should().StartWith("scenario:1: { \"name\": 1 2 } is not valid JSON at column");
        var act = () => ExperimentFile.Load("/no/such/file.json");
        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle().Which.ToString()
            .Should().Be("/no/such/file.json: \"/no/such/file.json\" file not found");
    }
}
