using ServerlessSim.Configuration;
using ServerlessSim.Experiments;
using ServerlessSim.Experiments.Sweeps;
using ServerlessSim.Policies.Concurrency;
using ServerlessSim.Tests.TestSupport;

namespace ServerlessSim.Tests.Experiments.Sweeps;

public class SweepPlanTests
{
    private static SweepPlan Plan(SweepMode? mode, params string[] set) =>
        Sweep.Plan(new SweepRequest(SweepScenarios.Small) { Parameters = set.Select(s => SweepParameter.Parse(s)).ToArray(), Mode = mode });

    private static IReadOnlyList<ValidationError> Errors(SweepRequest request)
    {
        var act = () => Sweep.Plan(request);
        return act.Should().Throw<ScenarioValidationException>().Which.Errors;
    }

    [Test]
    public void A_grid_numbers_its_points_with_the_last_parameter_fastest_and_each_point_is_the_scenario_with_its_values()
    {
        var plan = Plan(null, "policies[1].maxConcurrentPerInstance=1,5,20", "function.keepAliveSeconds=10,infinite");

        plan.Header.PointCount.Should().Be(6);
        plan.Header.Parameters.Should().Equal("policies[1].maxConcurrentPerInstance", "function.keepAliveSeconds");
        plan.Points.Select(p => string.Join(" ", p.Values)).Should().Equal(
            "1 10", "1 \"infinite\"", "5 10", "5 \"infinite\"", "20 10", "20 \"infinite\"");
        var point = plan.Points[3].Definition.Scenario;
        ((ManyPerInstanceOptions)point.Policies[1].Concurrency).MaxConcurrentPerInstance.Should().Be(5);
        point.Function.KeepAlive.IsInfinite.Should().BeTrue();
        point.Name.Should().Be("small-sweep");
    }

    [Test]
    public void A_zip_takes_the_values_together()
    {
        var plan = Plan(SweepMode.Zip, "policies[1].maxConcurrentPerInstance=1,5", "seed=7,8");

        plan.Points.Select(p => (p.Definition.Scenario.Seed, ((ManyPerInstanceOptions)p.Definition.Scenario.Policies[1].Concurrency).MaxConcurrentPerInstance))
            .Should().Equal((7L, 1), (8L, 5));
    }

    [Test]
    public void Every_problem_of_every_point_is_reported_against_its_set_argument()
    {
        var errors = Errors(new SweepRequest(SweepScenarios.Small)
        {
            Parameters =
            [
                SweepParameter.Parse("policies[1].maxConcurrentPerInstance=0,5,20000"),
                SweepParameter.Parse("policies[0].maxConcurent=3"),
                SweepParameter.Parse("policies[4].name=x"),
            ],
        });

        errors.Select(e => e.ToString()).Should().BeEquivalentTo(
            "--set policies[1].maxConcurrentPerInstance=0,5,20000: policies[1].maxConcurrentPerInstance: 0 must be an integer from 1 to 10000",
            "--set policies[1].maxConcurrentPerInstance=0,5,20000: policies[1].maxConcurrentPerInstance: 20000 must be an integer from 1 to 10000",
            "--set policies[0].maxConcurent=3: policies[0].maxConcurent: \"maxConcurent\" is not a known field; known fields here: name, preset, concurrency, maxConcurrentPerInstance, vCpus, dispatch, limitCounts, billing, scaling, waiting, contention, batching",
            "--set policies[4].name=x: policies[4].name cannot be set: policies[4] does not exist: policies has 2 item(s), indices 0 to 1");
    }

    [Test]
    public void A_problem_between_fields_names_the_point_and_its_values()
    {
        var errors = Errors(new SweepRequest(SweepScenarios.Small) { Parameters = [SweepParameter.Parse("horizonSeconds=3,30")] });

        errors.Should().ContainSingle().Which.ToString().Should().Be(
            "sweep point 0 (horizonSeconds=3): warmUpSeconds: 5 must be less than horizonSeconds (3)");
    }

    [Test]
    public void Parameters_must_be_distinct_present_and_of_equal_length_to_zip()
    {
        Errors(new SweepRequest(SweepScenarios.Small)).Should().ContainSingle().Which.Rule.Should().Contain("at least one PATH=VALUES");
        Errors(new SweepRequest(SweepScenarios.Small) { Parameters = [SweepParameter.Parse("seed=1,2"), SweepParameter.Parse("seed=3")] })
            .Should().ContainSingle().Which.Rule.Should().Be("is already swept by --set seed=1,2; give each path once");
        Errors(new SweepRequest(SweepScenarios.Small) { Parameters = [SweepParameter.Parse("seed=1,2"), SweepParameter.Parse("replications=3")], Mode = SweepMode.Zip })
            .Should().ContainSingle().Which.Rule.Should().Be("needs the same number of values for every parameter: seed has 2, replications has 1");
    }

    [Test]
    public void A_grid_too_large_to_validate_up_front_is_refused_before_it_is_built()
    {
        var values = string.Join(',', Enumerable.Range(1, 400));

        Errors(new SweepRequest(SweepScenarios.Small) { Parameters = [SweepParameter.Parse("seed=" + values), SweepParameter.Parse("policies[1].maxConcurrentPerInstance=" + values)] })
            .Should().ContainSingle().Which.ToString().Should().Be("--set: (160000 points) gives more than 100000 points; sweep fewer values, or split the sweep into several");
    }

    [Test]
    public void The_file_on_its_own_must_be_valid_and_its_errors_read_as_for_run()
    {
        var errors = Errors(new SweepRequest(SweepScenarios.Small.Replace("\"seed\": 5", "\"sed\": 5"), "small.json") { Parameters = [SweepParameter.Parse("seed=1,2")] });

        errors.Should().ContainSingle().Which.ToString().Should().Be("sed: \"sed\" is not a known field; did you mean \"seed\"?");
    }

    [Test]
    public void The_files_sweep_section_comes_first_and_overrides_apply_to_every_point()
    {
        // precision decides the replications, so the file gives none.
        var withSection = SweepScenarios.Small.Replace("\"replications\": 2,", string.Empty, StringComparison.Ordinal).TrimEnd().TrimEnd('}') +
            """, "experiment": { "sweep": { "set": ["policies[1].maxConcurrentPerInstance=2,4"] }, "objective": { "maxP99Ms": 500 }, "precision": { "metric": "latencyMs.p99", "relativeHalfWidth": 0.05 } } }""";

        var plan = Sweep.Plan(new SweepRequest(withSection) { Parameters = [SweepParameter.Parse("seed=1,2")], Replications = 3 });

        plan.Header.Parameters.Should().Equal("policies[1].maxConcurrentPerInstance", "seed");
        plan.Header.Objective.Should().Be(new SweepObjective(500, null));
        plan.Points.Should().HaveCount(4).And.OnlyContain(p => p.Definition.Scenario.Replications == 3 && p.Definition.Options.Precision == null);
    }

    [Test]
    public void The_fingerprint_follows_what_is_run_and_nothing_else()
    {
        var a = Plan(null, "seed=1,2").Header.Fingerprint;

        Plan(null, "seed=1,2").Header.Fingerprint.Should().Be(a);
        Plan(null, "seed=1,3").Header.Fingerprint.Should().NotBe(a);
        Sweep.Plan(new SweepRequest(SweepScenarios.Small) { Parameters = [SweepParameter.Parse("seed=1,2")], Replications = 3 }).Header.Fingerprint.Should().NotBe(a);
        Sweep.Plan(new SweepRequest(SweepScenarios.Small) { Parameters = [SweepParameter.Parse("seed=1,2")], Objective = new SweepObjective(1, null) })
            .Header.Fingerprint.Should().Be(a, "the objective does not change the rows");
    }
}
