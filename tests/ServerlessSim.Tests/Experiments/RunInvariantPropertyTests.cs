using CsCheck;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Concurrency;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Randomness;
using ServerlessSim.Reporting;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Experiments;

/// <summary>Property-based: over random accounts, traffic and policies, every run's accounting holds (CsCheck shrinks a failure).</summary>
public class RunInvariantPropertyTests
{
    private static readonly Gen<IDistribution> Durations = Gen.OneOf(
        Gen.Double[0, 0.5].Select(v => (IDistribution)new ConstantDistribution(v)),
        Gen.Double[0.001, 0.5].Select(m => (IDistribution)new ExponentialDistribution(m)),
        Gen.Select(Gen.Double[0.001, 0.2], Gen.Double[1, 8]).Select((median, spread) => (IDistribution)LogNormalDistribution.FromMedianAndP99(median, median * spread)));

    private static readonly Gen<FunctionDefinition> Functions =
        Gen.Select(Gen.Double[0.5, 200], Durations, Durations, Durations, Gen.Double[0, 30], Gen.Int[0, 3], Gen.Int[128, 4096])
           .Select((rate, cpu, io, cold, keepAlive, cap, memory) => new FunctionDefinition(
               "f", memory, ArrivalProcess.Poisson(rate), new WorkProfile(cpu, io), cold, SimDuration.FromSeconds(keepAlive),
               cap == 0 ? null : cap * 5));

    private static readonly Gen<PolicyOptions> PolicyChoices = Gen.OneOf(
        Gen.Const(PolicyOptions.OnePerInstance("one")),
        Gen.Select(Gen.Int[1, 100], Gen.Double[0.25, 4], Gen.Bool)
           .Select((k, vCpus, packing) => PolicyOptions.ManyPerInstance(k, vCpus, "many") with
           {
               Dispatch = new DispatchOptions(packing ? DispatchKind.Packing : DispatchKind.LeastLoaded),
           }));

    private static readonly Gen<Scenario> Scenarios =
        Gen.Select(Functions.Array[1, 4], PolicyChoices, Gen.Int[1, 200], Gen.Double[5, 60], Gen.Long)
           .Select((functions, policy, limit, horizon, seed) => new Scenario(
               Name: "random",
               Functions: functions.Select((f, i) => f with { Name = $"f{i}" }).ToArray(),
               Policies: [policy],
               Horizon: SimDuration.FromSeconds(horizon),
               WarmUp: SimDuration.FromSeconds(horizon / 10),
               Seed: seed,
               Account: new AccountOptions(limit)));

    [Test]
    public void Every_request_ends_completed_or_throttled_and_no_limit_is_ever_exceeded() =>
        Scenarios.Sample(scenario =>
        {
            var run = ScenarioRunner.Run(scenario, 0, 0);
            var policy = scenario.Policies[0];
            var limit = scenario.EffectiveAccount.ConcurrencyLimit;

            run.Requests.Should().Be(run.Completed + run.Throttled);
            run.ColdStarts.Should().BeLessThanOrEqualTo(run.Completed);
            if (policy.EffectiveLimitCounts == LimitScope.InFlightRequests)
            {
                run.InFlightMax.Should().BeLessThanOrEqualTo(limit);
            }
            else
            {
                run.TimeSeries.Should().AllSatisfy(p => p.BusyInstances.Should().BeLessThanOrEqualTo(limit + 1e-9));
            }

            var k = policy.Concurrency is ManyPerInstanceOptions many ? many.MaxConcurrentPerInstance : 1;
            run.InFlightMax.Should().BeLessThanOrEqualTo(run.InstancesMax * k, "no instance holds more than K requests");
            run.InstancesMean.Should().BeLessThanOrEqualTo(run.InstancesMax + 1e-9);
            run.LatencyMs.Mean.Should().BeGreaterThanOrEqualTo(0);
            run.LatencyMs.Max.Should().BeGreaterThanOrEqualTo(run.LatencyMs.P99 / 1.001);
            run.Cost.TotalUsd.Should().BeGreaterThanOrEqualTo(0);
            AssertFunctionsAddUp(run, scenario);
        }, iter: 60, threads: 1);

    private static void AssertFunctionsAddUp(RunResult run, Scenario scenario)
    {
        if (scenario.Functions.Count == 1)
        {
            run.FunctionResults.Should().BeEmpty();
            if (scenario.Functions[0].MaxInstances is { } cap)
            {
                run.InstancesMax.Should().BeLessThanOrEqualTo(cap);
            }

            return;
        }

        run.FunctionResults.Sum(f => f.Requests).Should().Be(run.Requests);
        run.FunctionResults.Sum(f => f.Completed).Should().Be(run.Completed);
        run.FunctionResults.Sum(f => f.Throttled).Should().Be(run.Throttled);
        for (var i = 0; i < scenario.Functions.Count; i++)
        {
            var function = run.FunctionResults[i];
            function.Requests.Should().Be(function.Completed + function.Throttled);
            if (scenario.Functions[i].MaxInstances is { } cap)
            {
                function.InstancesMax.Should().BeLessThanOrEqualTo(cap);
            }
        }
    }
}
