using FluentAssertions;
using NUnit.Framework;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Reporting;
using ServerlessSim.Tests.TestSupport;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Platform;

/// <summary>Several functions in one account: the limit is shared, results add up, functions that never meet do not interact.</summary>
[TestFixture]
public sealed class AccountModelTests
{
    private static FunctionDefinition Function(string name, double ratePerSecond, double cpuMs = 20, double ioMs = 180, double coldStartMs = 250) =>
        new(name, TestScenarios.OneVCpuMemoryMb, ArrivalProcess.Poisson(ratePerSecond),
            new WorkProfile(new ConstantDistribution(cpuMs / 1000), new ExponentialDistribution(ioMs / 1000)),
            new ConstantDistribution(coldStartMs / 1000), SimDuration.FromSeconds(60));

    private static Scenario Account(int limit, PolicyOptions policy, params FunctionDefinition[] functions) => new(
        Name: "account",
        Functions: functions,
        Policies: [policy],
        Horizon: SimDuration.FromSeconds(600),
        WarmUp: SimDuration.FromSeconds(60),
        Seed: 11,
        Account: new AccountOptions(limit));

    private static IEnumerable<PolicyOptions> Policies()
    {
        yield return PolicyOptions.OnePerInstance("lambda");
        yield return PolicyOptions.ManyPerInstance(8, vCpus: 1, name: "many-k8");
    }

    [TestCaseSource(nameof(Policies))]
    public void Function_results_add_up_to_the_account(PolicyOptions policy)
    {
        // About 59 requests in flight: over 40 for one per instance, and over 4 instances of 8 slots for many.
        var scenario = Account(policy.IsMany ? 4 : 40, policy, Function("a", 100), Function("b", 60), Function("c", 30, cpuMs: 5, ioMs: 900));

        var run = ScenarioRunner.Run(scenario, 0, 0);

        run.FunctionResults.Select(f => f.Function).Should().Equal("a", "b", "c");
        run.Requests.Should().Be(run.FunctionResults.Sum(f => f.Requests));
        run.Completed.Should().Be(run.FunctionResults.Sum(f => f.Completed));
        run.ThrottledByAccountLimit.Should().Be(run.FunctionResults.Sum(f => f.ThrottledByAccountLimit));
        run.ColdStarts.Should().Be(run.FunctionResults.Sum(f => f.ColdStarts));
        run.InstanceStarts.Should().Be(run.FunctionResults.Sum(f => f.InstanceStarts));
        run.Requests.Should().Be(run.Completed + run.Throttled, "every request ends completed or throttled");
        run.InstancesMean.Should().BeApproximately(run.FunctionResults.Sum(f => f.InstancesMean), 1e-6);
        run.InFlightMean.Should().BeApproximately(run.FunctionResults.Sum(f => f.InFlightMean), 1e-6);
        run.InstancesMax.Should().BeLessThanOrEqualTo(run.FunctionResults.Sum(f => f.InstancesMax))
            .And.BeGreaterThanOrEqualTo(run.FunctionResults.Max(f => f.InstancesMax));
        run.Cost.TotalUsd.Should().Be(run.FunctionResults.Sum(f => f.Cost.TotalUsd));
        run.Throttled.Should().BeGreaterThan(0, "together the functions need more than the limit");
    }

    [Test]
    public void The_limit_is_shared_so_no_function_alone_is_throttled_but_together_they_are()
    {
        // Constant traffic and work with no cold start: a holds exactly 100/s x 0.2 s = 20 in flight, b 60 x 0.2 = 12;
        // each fits the limit of 30 alone, together they need 32.
        static FunctionDefinition Steady(string name, double rate) => new(
            name, TestScenarios.OneVCpuMemoryMb, ArrivalProcess.Constant(rate),
            new WorkProfile(new ConstantDistribution(0.02), new ConstantDistribution(0.18)), ConstantDistribution.Zero, SimDuration.FromSeconds(60));
        var a = Steady("a", 100);
        var b = Steady("b", 60);
        var lambda = PolicyOptions.OnePerInstance("lambda");

        ScenarioRunner.Run(Account(30, lambda, a), 0, 0).Throttled.Should().Be(0);
        var together = ScenarioRunner.Run(Account(30, lambda, a, b), 0, 0);

        together.InFlightMax.Should().BeLessThanOrEqualTo(30);
        together.FunctionResults.Should().AllSatisfy(f => f.Throttled.Should().BeGreaterThan(0));
    }

    [TestCaseSource(nameof(Policies))]
    public void Functions_that_never_reach_the_limit_do_not_interact(PolicyOptions policy)
    {
        // Function i draws from substream i whatever else is in the account, so with no limit reached the first
        // function of a pair sees exactly what it sees alone.
        var a = Function("a", 50);
        var alone = ScenarioRunner.Run(Account(1_000_000, policy, a), 0, 0);

        var paired = ScenarioRunner.Run(Account(1_000_000, policy, a, Function("b", 70)), 0, 0).FunctionResults[0];

        paired.Requests.Should().Be(alone.Requests);
        paired.Completed.Should().Be(alone.Completed);
        paired.ColdStarts.Should().Be(alone.ColdStarts);
        paired.InstanceStarts.Should().Be(alone.InstanceStarts);
        paired.LatencyMs.Mean.Should().BeApproximately(alone.LatencyMs.Mean, 1e-9);
        paired.LatencyMs.Max.Should().Be(alone.LatencyMs.Max);
        paired.InstancesMean.Should().BeApproximately(alone.InstancesMean, 1e-9);
        paired.LatencyMs.P99.Should().BeApproximately(alone.LatencyMs.P99, alone.LatencyMs.P99 * 0.01, "function percentiles keep 2 digits");
    }

    [Test]
    public void An_account_with_instances_counted_never_has_more_active_instances_than_the_limit()
    {
        var scenario = Account(5, PolicyOptions.ManyPerInstance(4, vCpus: 1, name: "many-k4"), Function("a", 40), Function("b", 40));

        var run = ScenarioRunner.Run(scenario, 0, 0);

        run.Throttled.Should().BeGreaterThan(0);
        run.TimeSeries.Should().AllSatisfy(p => p.BusyInstances.Should().BeLessThanOrEqualTo(5 + 1e-9));
        run.InFlightMax.Should().BeLessThanOrEqualTo(5 * 4);
    }

    [Test]
    public void The_comparison_aggregates_each_function_over_replications()
    {
        var scenario = Account(40, PolicyOptions.OnePerInstance("lambda"), Function("a", 100), Function("b", 60)) with { Replications = 3 };

        var result = Comparison.Run(scenario);

        var functions = result.Policies[0].FunctionResults;
        functions.Select(f => f.Name).Should().Equal("a", "b");
        functions.Sum(f => f["requests"]).Should().BeApproximately(result.Policies[0]["requests"], 1e-6);
        functions[0].Metrics.Single(m => m.Name == "requests").HalfWidth95.Should().NotBeNull();
        CsvWriters.Functions(result).Split('\n').Should().Contain(l => l.StartsWith("lambda,b,latencyMs.p99,", StringComparison.Ordinal));
        ResultsDocument.ToJson(result).Should().Contain("\"functions\": [");
    }

    [Test]
    public void A_scenario_with_several_functions_has_no_single_function()
    {
        var scenario = Account(40, PolicyOptions.OnePerInstance(), Function("a", 1), Function("b", 1));

        var read = () => scenario.Function;

        read.Should().Throw<InvalidOperationException>().WithMessage("*2 functions*Functions*");
    }
}
