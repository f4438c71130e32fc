using ServerlessSim.Configuration;
using ServerlessSim.Engine;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Concurrency;
using ServerlessSim.Policies.Contention;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Policies.Waiting;
using ServerlessSim.Randomness;

namespace ServerlessSim.Tests.Configuration;

/// <summary>Presets, autoscalers, waiting and contention in scenario files: what they read as, and the errors they give.</summary>
public class PlatformScenarioFileTests
{
    private static PolicyOptions Policy(string policyJson) => BadScenarioCases.SecondPolicy(policyJson);

    private static IReadOnlyList<ValidationError> Errors(string policyJson) => BadScenarioCases.SecondPolicyErrors(policyJson);

    [TestCase("cloudRun")]
    [TestCase("knative")]
    [TestCase("azureFlexConsumption")]
    [TestCase("lambdaManagedInstances")]
    public void A_preset_alone_is_the_library_preset(string name)
    {
        Policy($$"""{ "preset": "{{name}}" }""").Should().Be(Presets.ManyRequestsByName.Single(p => p.Name == name).Policy);
    }

    [Test]
    public void Fields_written_beside_a_preset_override_it()
    {
        var policy = Policy("""
            { "preset": "cloudRun", "name": "cr-250", "maxConcurrentPerInstance": 250, "dispatch": "roundRobin",
              "scaling": { "minInstances": 2, "windowSeconds": 30 }, "waiting": { "capacity": 500 } }
            """);

        policy.Name.Should().Be("cr-250");
        policy.Concurrency.Should().Be(new ManyPerInstanceOptions(250, 1));
        policy.EffectiveDispatch.Kind.Should().Be(DispatchKind.RoundRobin);
        policy.Scaling.Should().Be(new CloudRunScalingOptions { MinInstances = 2, Window = SimDuration.FromSeconds(30) });
        policy.EffectiveWaiting.Should().Be(WaitingOptions.FrontQueue(SimDuration.FromSeconds(10), 500), "Cloud Run's 10 s timeout is kept");
        policy.EffectiveLimitCounts.Should().Be(LimitScope.Instances);
        policy.Preset.Should().Be("cloudRun");
    }

    [Test]
    public void Platform_defaults_set_the_concurrency_per_instance_when_none_is_written()
    {
        Policy("""{ "preset": "lambdaManagedInstances", "vCpus": 2 }""").Concurrency.Should().Be(new ManyPerInstanceOptions(128, 2), "Node: 64 per vCPU");
        Policy("""{ "preset": "lambdaManagedInstances", "scaling": { "runtime": "python" } }""").Concurrency.Should().Be(new ManyPerInstanceOptions(16, 1));
        Policy("""{ "preset": "azureFlexConsumption", "scaling": { "instanceMemoryMb": 4096 } }""").Concurrency.Should().Be(new ManyPerInstanceOptions(32, 1));
        Policy("""{ "preset": "azureFlexConsumption", "scaling": { "python": true } }""").Concurrency.Should().Be(new ManyPerInstanceOptions(1, 1));
        Policy("""{ "preset": "lambdaManagedInstances", "vCpus": 2, "maxConcurrentPerInstance": 10 }""").Concurrency.Should().Be(new ManyPerInstanceOptions(10, 2));
    }

    [Test]
    public void An_autoscaler_waiting_and_contention_can_be_written_without_a_preset()
    {
        var policy = Policy("""
            { "name": "kpa", "concurrency": "manyPerInstance", "maxConcurrentPerInstance": 100,
              "scaling": { "type": "knative", "targetConcurrency": 50, "stableWindowSeconds": 30, "scaleToZeroGraceSeconds": 0, "maxInstances": 40 },
              "waiting": { "kind": "frontQueue", "timeoutSeconds": "infinite", "capacity": 1000 },
              "contention": { "kind": "interference", "alpha": 0.2,
                              "memory": { "perRequestMb": { "type": "lognormal", "medianMb": 10, "p99Mb": 50 }, "baseMb": 100, "limitMb": 512 } } }
            """);

        policy.Scaling.Should().Be(new KnativeScalingOptions
        {
            TargetConcurrency = 50, StableWindow = SimDuration.FromSeconds(30), ScaleToZeroGracePeriod = SimDuration.Zero, MaxInstances = 40,
        });
        policy.Waiting.Should().Be(WaitingOptions.FrontQueue(SimDuration.Infinite, 1000));
        policy.Contention!.Kind.Should().Be(ContentionKind.Interference);
        policy.Contention.InterferenceAlpha.Should().Be(0.2);
        policy.Contention.Memory!.PerRequestMb.Should().BeOfType<LogNormalDistribution>().Which.Mu.Should().BeApproximately(Math.Log(10), 1e-9);
        policy.Contention.Memory.LimitMb.Should().Be(512);
    }

    [Test]
    public void Autoscaled_defaults_wait_where_the_platform_does()
    {
        Policy("""{ "preset": "knative" }""").EffectiveWaiting.Should().Be(WaitingOptions.FrontQueue(SimDuration.FromSeconds(300)));
        Policy("""{ "preset": "lambdaManagedInstances" }""").EffectiveWaiting.Kind.Should().Be(WaitingKind.Reject);
        Policy("""{ "preset": "knative", "waiting": { "kind": "newInstance" } }""").EffectiveWaiting.Should().Be(WaitingOptions.NewInstance);
        Policy("""{ "name": "x", "concurrency": "manyPerInstance" }""").EffectiveWaiting.Should().Be(WaitingOptions.NewInstance, "Lambda's way without an autoscaler");
    }

    [TestCase("""{ "preset": "cloudrn" }""", "policies[1].preset", "did you mean \"cloudRun\"?")]
    [TestCase("""{ "name": "x", "concurrency": "manyPerInstance", "scaling": { "targetConcurrency": 5 } }""", "policies[1].scaling.type", "is required without a preset")]
    [TestCase("""{ "preset": "knative", "scaling": { "stableWindowSecond": 5 } }""", "policies[1].scaling.stableWindowSecond", "did you mean \"stableWindowSeconds\"?")]
    [TestCase("""{ "preset": "knative", "scaling": { "targetUtilization": 1.5 } }""", "policies[1].scaling.targetUtilization", "greater than 0 and at most 1")]
    [TestCase("""{ "preset": "knative", "scaling": { "maxScaleDownRate": 1 } }""", "policies[1].scaling.maxScaleDownRate", "greater than 1")]
    [TestCase("""{ "preset": "cloudRun", "scaling": { "minInstances": 5, "maxInstances": 2 } }""", "policies[1].scaling.maxInstances", "at least minInstances (5)")]
    [TestCase("""{ "preset": "lambdaManagedInstances", "scaling": { "minInstances": 0 } }""", "policies[1].scaling.minInstances", "must be at least 1")]
    [TestCase("""{ "preset": "azureFlexConsumption", "scaling": { "instanceMemoryMb": 1024 } }""", "policies[1].scaling.instanceMemoryMb", "512, 2048 or 4096")]
    [TestCase("""{ "preset": "knative", "waiting": { "kind": "reject", "timeoutSeconds": 5 } }""", "policies[1].waiting.timeoutSeconds", "only allowed with \"kind\": \"frontQueue\"")]
    [TestCase("""{ "preset": "knative", "waiting": { "timeoutSeconds": 0 } }""", "policies[1].waiting.timeoutSeconds", "greater than 0")]
    [TestCase("""{ "preset": "knative", "contention": { "alpha": 0.1 } }""", "policies[1].contention.alpha", "only allowed with \"kind\": \"interference\"")]
    [TestCase("""{ "preset": "knative", "contention": { "memory": { "perRequestMb": 10, "baseMb": 600, "limitMb": 512 } } }""", "policies[1].contention.memory.limitMb", "greater than baseMb")]
    [TestCase("""{ "name": "x", "concurrency": "manyPerInstance", "dispatch": "roundRobin" }""", "policies[1].dispatch", "only available on an autoscaled platform")]
    [TestCase("""{ "name": "x", "concurrency": "manyPerInstance", "waiting": { "kind": "frontQueue" } }""", "policies[1].waiting.kind", "per-request scaling starts a new instance")]
    [TestCase("""{ "name": "x", "concurrency": "manyPerInstance", "contention": { "kind": "interference" } }""", "policies[1].contention", "only available on an autoscaled platform")]
    public void Bad_platform_fields_name_the_path_and_the_rule(string policyJson, string path, string rule)
    {
        Errors(policyJson).Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Path == path && e.Rule.Contains(rule));
    }

    [Test]
    public void Every_problem_in_a_policy_is_reported_at_once()
    {
        var errors = Errors("""
            { "preset": "knative", "scaling": { "stableWindowSeconds": -1, "panicWindowPercentage": 0 }, "waiting": { "capacity": 0 } }
            """);

        errors.Select(e => e.Path).Should().BeEquivalentTo(
            "policies[1].scaling.stableWindowSeconds", "policies[1].scaling.panicWindowPercentage", "policies[1].waiting.capacity");
    }
}
