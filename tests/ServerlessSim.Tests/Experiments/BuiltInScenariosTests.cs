using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Policies.Invocation;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Experiments;

/// <summary>The built-in scenarios: the synchronous API and its asynchronous three ways share their traffic.</summary>
public class BuiltInScenariosTests
{
    [Test]
    public void The_asynchronous_scenario_is_the_same_traffic_as_events_three_ways()
    {
        var sync = BuiltInScenarios.IoHeavyApi();
        var async = BuiltInScenarios.IoHeavyApiAsync();

        async.Function.Invocation.Should().Be(AsynchronousInvocation.Default);
        (async.Function.Name, async.Function.MemoryMb, async.Function.Arrivals.Describe(), async.Function.Work.CpuDemand.Describe(), async.Function.Work.IoWait.Describe())
            .Should().Be((sync.Function.Name, sync.Function.MemoryMb, sync.Function.Arrivals.Describe(), sync.Function.Work.CpuDemand.Describe(), sync.Function.Work.IoWait.Describe()));
        async.Policies.Select(p => p.Name).Should().Equal("lambda", "many-k80", "sqs-batch");
        async.Policies[2].Batching.Should().NotBeNull();
        (async.Horizon, async.WarmUp, async.Seed, async.Replications).Should().Be((sync.Horizon, sync.WarmUp, sync.Seed, sync.Replications));
    }

    [Test]
    public void Scaled_down_the_three_ways_serve_every_event_and_batching_bills_the_least()
    {
        // A tenth of the traffic over 200 s (the spike at 100 s to 110 s), with a tenth of the account limit.
        var full = BuiltInScenarios.IoHeavyApiAsync(seed: 3, replications: 1);
        var small = full with
        {
            Function = full.Function with
            {
                Arrivals = ArrivalProcess.Scheduled(ArrivalKind.Poisson, [new(0, 100), new(100, 800), new(110, 100)]),
            },
            Horizon = SimDuration.FromSeconds(200),
            WarmUp = SimDuration.FromSeconds(20),
            Account = new ServerlessSim.Platform.AccountOptions(100),
        };

        var result = Comparison.Run(small);

        var (lambda, many, batch) = (result.Policies[0], result.Policies[1], result.Policies[2]);
        foreach (var policy in result.Policies)
        {
            policy["completed"].Should().Be(policy["requests"], $"{policy.Options.Name} serves every event in the end");
        }

        lambda["retries"].Should().BeGreaterThan(0, "the spike's events over the limit are retried by Lambda's queue");
        batch["batching.invocations"].Should().BeLessThan(batch["requests"] / 10, "batches of up to 100");
        batch["costUsd.perMillionRequests"].Should().BeLessThan(lambda["costUsd.perMillionRequests"]);
        many["latencyMs.p99"].Should().BeLessThan(batch["latencyMs.p99"], "batching trades latency for fewer invocations");
    }
}
