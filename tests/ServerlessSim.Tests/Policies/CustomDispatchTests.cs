using ServerlessSim.Configuration;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Tests.TestSupport;

namespace ServerlessSim.Tests.Policies;

public class CustomDispatchTests
{
    [Test]
    public void Custom_options_carry_the_policy_and_create_returns_it()
    {
        var policy = new RecordingPolicy();

        var options = DispatchOptions.Custom(policy);

        options.Kind.Should().Be(DispatchKind.Custom);
        DispatchPolicies.Create(options).Should().BeSameAs(policy);
    }

    [Test]
    public void A_custom_kind_without_a_policy_is_a_validation_error_naming_the_policy()
    {
        var scenario = SmallComparison.Scenario(seed: 1, replications: 1);
        scenario = scenario with { Policies = [PolicyOptions.OnePerInstance("lambda") with { Dispatch = new DispatchOptions(DispatchKind.Custom) }] };

        ScenarioValidator.Validate(scenario).Should().ContainSingle(e => e.Path == "policies[0].dispatch" && e.Rule.Contains("DispatchOptions.Custom"));
    }

    [Test]
    public void The_policy_is_asked_for_every_arriving_request_and_sees_the_simulated_time()
    {
        var policy = new RecordingPolicy();
        var scenario = SmallComparison.Scenario(seed: 1, replications: 1);
        scenario = scenario with { Policies = [PolicyOptions.ManyPerInstance(8, vCpus: 1, name: "k8") with { Dispatch = DispatchOptions.Custom(policy) }] };

        var run = ServerlessSim.Experiments.Comparison.Run(scenario).Policies[0].Replications[0];

        // The limit counts instances here, so no request is turned away before dispatch; warm-up arrivals count too.
        policy.Calls.Should().Be(run.TimeSeries.Sum(p => p.Arrivals));
        policy.LastNowSeconds.Should().BeInRange(50, 60);
    }

    private sealed class RecordingPolicy : IDispatchPolicy
    {
        public long Calls;
        public double LastNowSeconds;

        public int ChooseLoad(in DispatchContext context)
        {
            Interlocked.Increment(ref Calls);
            LastNowSeconds = context.NowSeconds;
            return context.LowestAvailableLoad;
        }
    }
}
