using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Concurrency;
using ServerlessSim.Policies.Contention;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Policies.Waiting;
using ServerlessSim.Randomness;
using ServerlessSim.Reporting;
using ServerlessSim.Tests.TestSupport;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Platform.Pool;

/// <summary>Autoscaled many-requests pools run end to end: queue timeouts and rejections worked by hand, scale to zero, failures, throttling.</summary>
public class AutoscaledPoolTests
{
    private static readonly IDistribution None = ConstantDistribution.Zero;

    // One instance, one slot, ready from the start and never scaled: everything else waits in the front queue.
    private static PolicyOptions SingleSlot(WaitingOptions waiting) =>
        new PolicyOptions("single-slot", new ManyPerInstanceOptions(1, VCpus: 1))
        {
            Scaling = new CloudRunScalingOptions { MinInstances = 1, MaxInstances = 1 },
            Waiting = waiting,
        };

    private static void AssertConservation(RunResult run) =>
        run.Requests.Should().Be(run.Completed + run.Throttled + run.TimedOut + run.Failed, "every request ends completed, throttled, timed out or failed");

    [Test]
    public void Queued_requests_time_out_in_arrival_order_when_no_slot_frees_in_time()
    {
        // Arrivals every 0.5 s from 0.5 s, each 2 s of IO, one slot, a 1.2 s queue timeout. The slot frees every 2 s
        // (2.5, 4.5, ...) and each time the only request still within 1.2 s of its arrival is the one that came 1 s
        // before: requests 1, 3, 7, 11, ... are served (1 at once, the others after 1 s in the queue), the rest time
        // out. Of 200 arrivals (0.5 .. 100 s): 1 + 50 served, 149 timed out.
        var scenario = TestScenarios.Single(
            SingleSlot(WaitingOptions.FrontQueue(SimDuration.FromSeconds(1.2))), ArrivalProcess.Constant(2), None, new ConstantDistribution(2),
            horizonSeconds: 100.25, warmUpSeconds: 0);

        var run = ScenarioRunner.Run(scenario, 0, 0);

        run.Requests.Should().Be(200);
        run.Completed.Should().Be(51);
        run.TimedOut.Should().Be(149);
        run.Throttled.Should().Be(0);
        run.LatencyMs.Mean.Should().BeApproximately((2000 + (50 * 3000)) / 51.0, 1e-6, "one served at once in 2 s, fifty after 1 s of waiting");
        AssertConservation(run);
    }

    [Test]
    public void A_full_queue_rejects_arrivals_as_throttled()
    {
        // As above with room for one waiting request: per 2 s, one served at once, one queued that times out, two
        // rejected. Of 200 arrivals: 50 served, 50 timed out, 100 rejected.
        var scenario = TestScenarios.Single(
            SingleSlot(WaitingOptions.FrontQueue(SimDuration.FromSeconds(1.2), capacity: 1)), ArrivalProcess.Constant(2), None,
            new ConstantDistribution(2), horizonSeconds: 100.25, warmUpSeconds: 0);

        var run = ScenarioRunner.Run(scenario, 0, 0);

        (run.Completed, run.TimedOut, run.ThrottledByQueueFull, run.Throttled).Should().Be((50, 50, 100, 100));
        run.LatencyMs.Max.Should().BeApproximately(2000, 1e-6, "only requests that found the slot free were served");
        AssertConservation(run);
    }

    [Test]
    public void Knative_scales_to_zero_a_stable_window_plus_the_grace_period_after_the_last_request()
    {
        // 20 req/s of 100 ms until 100 s, then nothing. The stable average reaches 0 about 60 s after the last request
        // (~160 s); the last pod goes 30 s later (~190 s).
        var scenario = TestScenarios.Single(
            Presets.Knative, ArrivalProcess.Scheduled(ArrivalKind.Poisson, [new(0, 20), new(100, 0)]), None, new ConstantDistribution(0.1),
            horizonSeconds: 300, warmUpSeconds: 0, coldStart: new ConstantDistribution(0.5)) with { TimeSeriesStep = SimDuration.FromSeconds(5) };

        var run = ScenarioRunner.Run(scenario, 0, 0);
        double InstancesAt(double second) => run.TimeSeries.Single(p => p.StartSeconds == second).Instances;

        InstancesAt(50).Should().BeGreaterThanOrEqualTo(1);
        InstancesAt(175).Should().Be(1, "the decision is 0 but the grace period has not passed");
        InstancesAt(200).Should().Be(0);
        InstancesAt(295).Should().Be(0);
        AssertConservation(run);
    }

    [Test]
    public void A_pool_at_rest_at_zero_costs_no_events_until_traffic_returns()
    {
        // 20 req/s for 100 s, nothing for a day, 20 req/s again for 100 s: ticking every 2 s through the quiet day
        // would be 43,000 events; at rest the autoscaler stops until the next arrival wakes it.
        var arrivals = ArrivalProcess.Scheduled(ArrivalKind.Poisson, [new(0, 20), new(100, 0), new(86_500, 20), new(86_600, 0)]);
        var scenario = TestScenarios.Single(
            Presets.Knative, arrivals, None, new ConstantDistribution(0.1), horizonSeconds: 86_700, warmUpSeconds: 0, coldStart: new ConstantDistribution(0.5));

        var run = ScenarioRunner.Run(scenario, 0, 0);

        run.EventsHandled.Should().BeLessThan(20_000, "about 4,000 requests of 3 events and a few hundred ticks");
        run.Completed.Should().Be(run.Requests, "the second burst woke the pool from zero");
        run.InstanceStarts.Should().BeGreaterThanOrEqualTo(1);
    }

    [Test]
    public void A_request_at_zero_pods_waits_in_the_activator_for_a_cold_start()
    {
        // Knative with initial scale 0: the first request pokes the autoscaler, a pod starts (1 s), the request waits.
        var knative = Presets.Knative with { Scaling = new KnativeScalingOptions { InitialScale = 0 } };
        var scenario = TestScenarios.Single(
            knative, ArrivalProcess.Constant(0.1), None, new ConstantDistribution(0.2), horizonSeconds: 15, warmUpSeconds: 0,
            coldStart: new ConstantDistribution(1));

        var run = ScenarioRunner.Run(scenario, 0, 0);

        run.Requests.Should().Be(1, "one arrival at 10 s");
        run.ColdStarts.Should().Be(1);
        run.InstanceStarts.Should().Be(1);
        run.LatencyMs.Max.Should().BeApproximately(1200, 1e-6, "1 s of cold start, then 200 ms of IO");
    }

    [Test]
    public void An_instance_past_its_memory_limit_fails_with_every_request_on_it()
    {
        // 30 MB a request, 100 MB an instance, arrivals every 0.1 s, 0.35 s of IO: the fourth request in flight takes
        // the instance to 120 MB, and it fails with all four. The replacement (no cold start) meets the same fate:
        // every request fails, one instance in four requests.
        var policy = SingleSlot(WaitingOptions.FrontQueue(SimDuration.Infinite)) with
        {
            Concurrency = new ManyPerInstanceOptions(10, VCpus: 1),
            Contention = new ContentionOptions(Memory: new MemoryLimitOptions(new ConstantDistribution(30), LimitMb: 100)),
        };
        var scenario = TestScenarios.Single(policy, ArrivalProcess.Constant(10), None, new ConstantDistribution(0.35), horizonSeconds: 10.05, warmUpSeconds: 0);

        var run = ScenarioRunner.Run(scenario, 0, 0);

        (run.Requests, run.Failed, run.InstanceFailures, run.Completed).Should().Be((100, 100, 25, 0));
        AssertConservation(run);
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void No_request_is_lost_when_instances_fail_under_random_memory(long seed)
    {
        // Lognormal memory (median 8 MB, p99 60 MB, mean 11.6 MB) on 160 MB instances holding 20 MB and up to 10
        // requests (136 MB full on average): now and then a heavy request fails an instance, most requests complete;
        // a queue with a timeout and a capacity adds the other two outcomes.
        var policy = Presets.CloudRun with
        {
            Concurrency = new ManyPerInstanceOptions(10, VCpus: 1),
            Scaling = new CloudRunScalingOptions { MinInstances = 3 },
            Waiting = WaitingOptions.FrontQueue(SimDuration.FromSeconds(0.3), capacity: 20),
            Contention = new ContentionOptions(Memory: new MemoryLimitOptions(LogNormalDistribution.FromMedianAndP99(8, 60), BaseMb: 20, LimitMb: 160)),
        };
        var scenario = TestScenarios.Single(
            policy, ArrivalProcess.Poisson(100), new ExponentialDistribution(0.005), new ExponentialDistribution(0.1), horizonSeconds: 300,
            warmUpSeconds: 20, coldStart: new ConstantDistribution(0.5), seed: seed);

        var run = ScenarioRunner.Run(scenario, 0, 0);

        run.InstanceFailures.Should().BeGreaterThan(0);
        run.Failed.Should().BeGreaterThan(0);
        run.TimedOut.Should().BeGreaterThan(0, "requests wait 0.3 s at most for a 0.5 s cold start");
        run.Completed.Should().BeGreaterThan(run.Failed + run.TimedOut + run.Throttled, "most requests still complete");
        AssertConservation(run);
    }

    [Test]
    public void Managed_instances_absorb_a_doubling_but_throttle_when_traffic_triples()
    {
        // 200 req/s of 50 ms CPU and 100 ms IO keep 10 vCPUs busy: at 50% CPU, 20 one-vCPU environments. From 600 s the
        // traffic grows 1.5x (15 vCPUs on 20: fine) or 3x (30 vCPUs on 20, growing 2x in 5 minutes at best: throttled).
        RunResult Step(double factor) => ScenarioRunner.Run(
            TestScenarios.Single(
                Presets.LambdaManagedInstances, ArrivalProcess.Scheduled(ArrivalKind.Poisson, [new(0, 200), new(600, 200 * factor)]),
                new ExponentialDistribution(0.05), new ExponentialDistribution(0.1), horizonSeconds: 900, warmUpSeconds: 500),
            0,
            0);

        var gentle = Step(1.5);
        var steep = Step(3);

        gentle.Throttled.Should().Be(0);
        steep.ThrottledByInstanceCapacity.Should().BeGreaterThan(steep.Requests / 100);
        steep.ColdStarts.Should().Be(0, "no request waits for an environment to start");
        AssertConservation(steep);
    }

    [Test]
    public void The_interference_model_slows_a_full_instance_to_its_closed_form()
    {
        // K = 10 always busy (a queue that never empties), alpha = 0.1, 100 ms requests: each takes
        // 100 x (1 + 9 x 0.1) = 190 ms, so the instance completes 10 / 0.19 = 52.6 requests a second.
        var policy = SingleSlot(WaitingOptions.FrontQueue(SimDuration.Infinite, capacity: 20)) with
        {
            Concurrency = new ManyPerInstanceOptions(10, VCpus: 1),
            Contention = ContentionOptions.Interference(0.1),
        };
        var scenario = TestScenarios.Single(policy, ArrivalProcess.Constant(100), None, new ConstantDistribution(0.1), horizonSeconds: 200, warmUpSeconds: 10);

        var run = ScenarioRunner.Run(scenario, 0, 0);

        (run.Completed / 190.0).Should().BeApproximately(10 / 0.19, 0.5);
        run.LatencyMs.P50.Should().BeGreaterThan(190, "each request's own service takes 190 ms, plus its wait");
        AssertConservation(run);
    }

    [Test]
    public void Packing_leaves_spare_instances_idle_where_least_loaded_spreads_requests()
    {
        RunResult With(DispatchKind kind) => ScenarioRunner.Run(
            TestScenarios.Single(
                Presets.CloudRun with { Dispatch = new(kind), Scaling = new CloudRunScalingOptions { MinInstances = 10, MaxInstances = 10 } },
                ArrivalProcess.Poisson(100), None, new ExponentialDistribution(0.1), horizonSeconds: 200, warmUpSeconds: 20),
            0,
            0);

        // 10 in flight on average over 10 instances of 80 slots.
        With(DispatchKind.Packing).Usage.IdleInstanceSeconds.Should().BeGreaterThan(
            2 * With(DispatchKind.LeastLoaded).Usage.IdleInstanceSeconds);
        With(DispatchKind.FirstAvailable).Usage.IdleInstanceSeconds.Should().BeGreaterThan(
            2 * With(DispatchKind.RoundRobin).Usage.IdleInstanceSeconds);
    }

    [Test]
    public void Functions_sharing_an_account_add_up_on_autoscaled_platforms_too()
    {
        static FunctionDefinition Function(string name, double rate) => new(
            name, TestScenarios.OneVCpuMemoryMb, ArrivalProcess.Poisson(rate),
            new WorkProfile(new ConstantDistribution(0.01), new ExponentialDistribution(0.2)), new ConstantDistribution(0.3), SimDuration.FromSeconds(60));
        var scenario = new Scenario(
            "shared", [Function("a", 300), Function("b", 100)], [Presets.Knative, Presets.CloudRun], SimDuration.FromSeconds(300), SimDuration.FromSeconds(30),
            Seed: 5, Account: new AccountOptions(3));

        foreach (var policy in new[] { 0, 1 })
        {
            var run = ScenarioRunner.Run(scenario, policy, 0);

            run.Requests.Should().Be(run.FunctionResults.Sum(f => f.Requests));
            run.Completed.Should().Be(run.FunctionResults.Sum(f => f.Completed));
            run.TimedOut.Should().Be(run.FunctionResults.Sum(f => f.TimedOut));
            run.InstancesMean.Should().BeApproximately(run.FunctionResults.Sum(f => f.InstancesMean), 1e-6);
            AssertConservation(run);
        }
    }
}
