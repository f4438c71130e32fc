using ServerlessSim.Configuration;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Reporting;
using ServerlessSim.Tests.TestSupport;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Experiments;

public class ExperimentTests
{
    // The built-in scenario scaled down ten-fold (as in DeterminismTests): a spike that throttles Lambda.
    private static Scenario Small(long seed = 11)
    {
        var builtIn = BuiltInScenarios.IoHeavyApi(seed, replications: 3);
        return builtIn with
        {
            Function = builtIn.Function with
            {
                Arrivals = ArrivalProcess.Scheduled(ArrivalKind.Poisson, [new(0, 100), new(30, 800), new(36, 100)]),
            },
            Account = new AccountOptions(100),
            Horizon = SimDuration.FromSeconds(60),
            WarmUp = SimDuration.FromSeconds(10),
        };
    }

    // A steady 200 req/s with cold starts: the pool grows from nothing, a transient MSER-5 should see and cut.
    private static Scenario ColdStartTransient() => TestScenarios.Single(
        PolicyOptions.ManyPerInstance(10, vCpus: 1),
        ArrivalProcess.Poisson(200),
        new ExponentialDistribution(0.005),
        new ExponentialDistribution(0.5),
        horizonSeconds: 200,
        warmUpSeconds: 0,
        coldStart: new ConstantDistribution(2),
        keepAlive: SimDuration.FromSeconds(30),
        replications: 4);

    [Test]
    public void A_fixed_experiment_is_the_comparison()
    {
        var experiment = ResultsDocument.ToJson(Experiment.Run(Small(), ExperimentOptions.Fixed));
        var comparison = ResultsDocument.ToJson(Comparison.Run(Small()));

        experiment.Should().Be(comparison);
    }

    [Test]
    public void Run_until_precision_stops_at_the_first_block_that_meets_the_target()
    {
        var target = new PrecisionTarget("costUsd.perMillionRequests", 0.03, MinReplications: 3, MaxReplications: 30, BatchReplications: 2);

        var result = Experiment.Run(Small(), new ExperimentOptions(target));

        result.Precision!.Met.Should().BeTrue();
        var replications = result.Scenario.Replications;
        ((replications - 3) % 2).Should().Be(0, "blocks of 3, then 2 at a time");
        foreach (var policy in result.Policies)
        {
            policy.Replications.Should().HaveCount(replications);
            target.IsMetBy(policy.Metric(target.Metric)).Should().BeTrue();
        }

        // One block fewer would not have met the target for some policy: the stop was the first that could be.
        replications.Should().BeGreaterThan(3, "the target must take more than the first block for this to test anything");
        var fewer = Experiment.Run(Small() with { Replications = replications - 2 });
        fewer.Policies.Should().Contain(p => !target.IsMetBy(p.Metric(target.Metric)));
    }

    [Test]
    public void An_unreachable_precision_stops_at_the_maximum_and_says_so()
    {
        var target = new PrecisionTarget("latencyMs.max", 1e-6, MinReplications: 2, MaxReplications: 5, BatchReplications: 2);

        var result = Experiment.Run(Small(), new ExperimentOptions(target));

        result.Precision!.Met.Should().BeFalse();
        result.Scenario.Replications.Should().Be(5, "2, then 2, then the 1 left to the maximum");
        result.Policies[0].Replications.Should().HaveCount(5);
        ExperimentSummary.Lines(result).Should().ContainSingle(l => l.StartsWith("Precision NOT met", StringComparison.Ordinal));
    }

    [Test]
    public void Precision_and_warm_up_detection_give_the_same_document_whatever_the_threads()
    {
        var options = new ExperimentOptions(new PrecisionTarget("latencyMs.p99", 0.02, MinReplications: 2, MaxReplications: 8, BatchReplications: 3), WarmUpMethod.Mser5);
        var scenario = Small() with { WarmUp = SimDuration.Zero };

        var sequential = ResultsDocument.ToJson(Experiment.Run(scenario, options, maxDegreeOfParallelism: 1));
        var parallel = ResultsDocument.ToJson(Experiment.Run(scenario, options, maxDegreeOfParallelism: 4));

        parallel.Should().Be(sequential);
        sequential.Should().Contain("\"method\": \"mser5\"").And.Contain("\"precision\"");
    }

    [Test]
    public void Mser5_cuts_the_cold_start_transient_and_applies_one_warm_up_to_every_statistic()
    {
        var result = Experiment.Run(ColdStartTransient(), new ExperimentOptions(WarmUp: WarmUpMethod.Mser5));

        var detection = result.WarmUpDetection!;
        detection.PilotReplications.Should().Be(4);
        detection.Series.Select(s => s.Series).Should().Equal("inFlight", "instances");
        detection.WarmUp.Seconds.Should().BeInRange(5, 60, "the pool fills within a few cold starts (2 s) and IO waits (0.5 s)");
        detection.AtSearchLimit.Should().BeFalse();
        result.Scenario.WarmUp.Should().Be(detection.WarmUp);
        ExperimentSummary.Lines(result).Should().ContainSingle().Which.Should().StartWith($"Warm-up {detection.WarmUp.Seconds:0.###} s detected by MSER-5");

        // The statistics are those of a fixed run with the detected warm-up: the same seeds, the same window.
        var fixedRun = Comparison.Run(ColdStartTransient() with { WarmUp = detection.WarmUp });
        result.Policies[0]["requests"].Should().Be(fixedRun.Policies[0]["requests"]);
        result.Policies[0]["latencyMs.p99"].Should().Be(fixedRun.Policies[0]["latencyMs.p99"]);
    }

    [Test]
    public void Invalid_options_are_reported_with_the_scenario_files_paths()
    {
        var options = new ExperimentOptions(new PrecisionTarget(" ", 0, MinReplications: 1, MaxReplications: 5, BatchReplications: 0), WarmUpMethod.Mser5);

        var act = () => Experiment.Run(Small(), options);

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Select(e => e.Path).Should().BeEquivalentTo(
            "experiment.precision.metric", "experiment.precision.relativeHalfWidth", "experiment.precision.minReplications",
            "experiment.precision.batchReplications", "warmUpSeconds");
    }

    [Test]
    public void An_unknown_precision_metric_is_reported_with_the_known_ones()
    {
        var act = () => Experiment.Run(Small(), new ExperimentOptions(new PrecisionTarget("latencyMs.p999", 0.02, 2, 4)));

        var error = act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle().Subject;
        error.Path.Should().Be("experiment.precision.metric");
        error.Value.Should().Be("\"latencyMs.p999\"");
        error.Rule.Should().Contain("latencyMs.p99");
    }
}
