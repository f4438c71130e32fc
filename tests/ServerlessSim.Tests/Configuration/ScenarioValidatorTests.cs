using ServerlessSim.Configuration;
using ServerlessSim.Cost;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;

namespace ServerlessSim.Tests.Configuration;

/// <summary>Scenarios built in C# get the same checks, with the JSON format's paths, all at once.</summary>
public class ScenarioValidatorTests
{
    private static readonly Scenario Valid = BuiltInScenarios.IoHeavyApi();

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(Valid with { Horizon = SimDuration.Zero }, "horizonSeconds").SetName("horizon 0");
        yield return new TestCaseData(Valid with { WarmUp = SimDuration.FromSeconds(1200) }, "warmUpSeconds").SetName("warm-up = horizon");
        yield return new TestCaseData(Valid with { Replications = 0 }, "replications").SetName("replications 0");
        yield return new TestCaseData(Valid with { Account = new AccountOptions(0) }, "account.concurrencyLimit").SetName("limit 0");
        yield return new TestCaseData(Valid with { Policies = [] }, "policies").SetName("no policies");
        yield return new TestCaseData(Valid with { Policies = [PolicyOptions.ManyPerInstance(0)] }, "policies[0].maxConcurrentPerInstance").SetName("K 0");
        yield return new TestCaseData(Valid with { Policies = [PolicyOptions.ManyPerInstance(80, vCpus: -1)] }, "policies[0].vCpus").SetName("negative vCPUs");
        yield return new TestCaseData(Valid with { Policies = [PolicyOptions.OnePerInstance("a"), PolicyOptions.OnePerInstance("a")] }, "policies[1].name").SetName("duplicate names");
        yield return new TestCaseData(Valid with { Function = Valid.Function with { MemoryMb = double.NaN } }, "function.memoryMb").SetName("memory NaN");
        yield return new TestCaseData(Valid with { Function = Valid.Function with { MaxInstances = 0 } }, "function.maxInstances").SetName("max instances 0");
        yield return new TestCaseData(Valid with { Function = Valid.Function with { ColdStart = new ExponentialDistribution(-0.1) } }, "function.coldStartMs.meanMs").SetName("negative mean");
        yield return new TestCaseData(Valid with { TimeSeriesStep = SimDuration.FromSeconds(1e-6) }, "timeSeriesStepSeconds").SetName("too many points");
        yield return new TestCaseData(Valid with { Policies = [PolicyOptions.ManyPerInstance() with { Billing = new BillingOptions(BillingModel.CloudRunRequestBased, Arm: true) }] },
            "policies[0].billing.arm").SetName("Arm without Lambda billing");
        yield return new TestCaseData(Valid with { Policies = [PolicyOptions.OnePerInstance() with { Billing = new BillingOptions((BillingModel)42) }] },
            "policies[0].billing.model").SetName("undefined billing model");
    }

    [TestCaseSource(nameof(Cases))]
    public void Names_the_path_of_the_problem(Scenario scenario, string path)
    {
        ScenarioValidator.Validate(scenario).Select(e => e.Path).Should().Equal(path);
        FluentActions.Invoking(() => Comparison.Run(scenario)).Should().Throw<ScenarioValidationException>().WithMessage($"*{path}*");
    }

    [Test]
    public void Reports_every_problem_at_once()
    {
        var scenario = Valid with { Replications = 0, Account = new AccountOptions(-5), Policies = [PolicyOptions.ManyPerInstance(0)] };

        ScenarioValidator.Validate(scenario).Select(e => e.Path)
            .Should().BeEquivalentTo("replications", "account.concurrencyLimit", "policies[0].maxConcurrentPerInstance");
    }

    [Test]
    public void The_built_in_scenario_is_valid() => ScenarioValidator.Validate(Valid).Should().BeEmpty();
}
