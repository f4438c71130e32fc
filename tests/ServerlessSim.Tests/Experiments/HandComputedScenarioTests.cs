using ServerlessSim.Cost;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Reporting;
using ServerlessSim.Tests.TestSupport;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Experiments;

/// <summary>Deterministic scenarios (constant arrivals and durations) whose every number can be worked out by hand.</summary>
public class HandComputedScenarioTests
{
    private static RunResult Run(double ratePerSecond, double keepAliveSeconds, PolicyOptions? policy = null) =>
        Comparison.Run(TestScenarios.Single(
            policy ?? PolicyOptions.OnePerInstance(),
            ArrivalProcess.Constant(ratePerSecond),
            cpu: ConstantDistribution.Zero,
            io: new ConstantDistribution(0.5),
            horizonSeconds: 100,
            warmUpSeconds: 0,
            coldStart: new ConstantDistribution(0.2),
            keepAlive: SimDuration.FromSeconds(keepAliveSeconds),
            memoryMb: 1024)).Policies[0].Replications[0];

    /// <remarks>
    /// Requests at t = 1, 2, ..., 99 s, each 500 ms of IO; the first waits for a 200 ms cold start. The instance is
    /// idle 0.5 s between requests, far below the 10 s keep-alive, so it serves them all: 1 cold start; latency
    /// (0.7 + 98 x 0.5) / 99 = 0.50202 s; the instance lives from 1 s to the horizon, 99 s, so 0.99 on average;
    /// busy 99 x 0.5 = 49.5 s, initialising 0.2 s, idle 99 - 49.7 = 49.3 s. In flight: (0.7 + 49) / 100 = 0.497.
    /// Lambda bill at 1,024 MB: 99 x $0.0000002 + 99 x 0.5 GB-s x $0.0000166667 + 0.2 GB-s x $0.0000166667.
    /// Billing stretches: the instance lives 99 s (1 s to the horizon); it is active (initialising or holding a
    /// request) for 0.7 s from 1 s, then for 0.5 s from each of 2, 3, ..., 99 s: 99 stretches, 49.7 s, billed
    /// 49,700 ms at Cloud Run's 100 ms and 99 x 1,000 ms at Azure's 1,000 ms minimum; it executes for 0.5 s 99 times.
    /// </remarks>
    [Test]
    public void One_request_a_second_keeps_one_warm_instance()
    {
        var run = Run(ratePerSecond: 1, keepAliveSeconds: 10);

        run.Requests.Should().Be(99);
        run.Completed.Should().Be(99);
        run.Throttled.Should().Be(0);
        run.ColdStarts.Should().Be(1);
        run.InstanceStarts.Should().Be(1);
        run.InstancesMax.Should().Be(1);
        run.InstancesMean.Should().BeApproximately(0.99, 1e-9);
        run.InFlightMean.Should().BeApproximately(0.497, 1e-9);
        run.LatencyMs.Mean.Should().BeApproximately(49.7 / 99 * 1000, 1e-6);
        run.LatencyMs.Max.Should().BeApproximately(700, 1e-6);
        run.Usage.BusyInstanceSeconds.Should().BeApproximately(49.5, 1e-9);
        run.Usage.InitializingInstanceSeconds.Should().BeApproximately(0.2, 1e-9);
        run.Usage.IdleInstanceSeconds.Should().BeApproximately(49.3, 1e-9);
        run.Usage.Executions.Should().Be(new MeteredTime(99, 49.5, 49_500, 49_500, 99_000), "99 executions of 500 ms");
        run.Usage.Inits.Should().BeEquivalentTo(new { Periods = 1, BilledMsPer1Ms = 200 });
        run.Usage.Lifetimes.Should().BeEquivalentTo(new { Periods = 1, BilledMsPer100Ms = 99_000 });
        run.Usage.ActivePeriods.Should().BeEquivalentTo(new { Periods = 99, BilledMsPer100Ms = 49_700, BilledMsMin1000Per100Ms = 99_000 });
        run.Usage.ActivePeriods.ExactSeconds.Should().BeApproximately(49.7, 1e-9);
        run.Usage.ExecutingPeriods.Should().BeEquivalentTo(new { Periods = 99, BilledMsPer100Ms = 49_500, BilledMsMin1000Per100Ms = 99_000 });
        run.Cost.RequestsUsd.Should().Be(99 * 0.0000002m);
        run.Cost.ComputeBusyUsd.Should().Be(99 * 0.5m * 0.0000166667m);
        run.Cost.ComputeIdleUsd.Should().Be(0, "Lambda does not bill idle environments");
        run.Cost.InitUsd.Should().Be(0.2m * 0.0000166667m);
        run.Cost.TotalUsd.Should().Be(0.0000198m + 0.000825001650m + 0.00000333334m);
    }

    /// <remarks>
    /// With a warm-up of 10.5 s, the instance started at 1 s lives in the window from 10.5 s to 100 s (89.5 s); its
    /// init was before the window; the requests counted arrive at 11, 12, ..., 99 s, 89 of them, each an active
    /// stretch of 0.5 s (the one of 10 s ends exactly at 10.5 s and only touches the window).
    /// </remarks>
    [Test]
    public void Billing_stretches_are_clipped_to_the_window()
    {
        var run = Comparison.Run(TestScenarios.Single(
            PolicyOptions.OnePerInstance(), ArrivalProcess.Constant(1), ConstantDistribution.Zero, new ConstantDistribution(0.5),
            horizonSeconds: 100, warmUpSeconds: 10.5, coldStart: new ConstantDistribution(0.2), keepAlive: SimDuration.FromSeconds(10),
            memoryMb: 1024)).Policies[0].Replications[0];

        run.Usage.Lifetimes.Should().BeEquivalentTo(new { Periods = 1, BilledMsPer100Ms = 89_500 });
        run.Usage.Inits.Should().Be(MeteredTime.None);
        run.Usage.Executions.Should().BeEquivalentTo(new { Periods = 89, BilledMsPer1Ms = 89 * 500 });
        run.Usage.ActivePeriods.Should().BeEquivalentTo(new { Periods = 89, BilledMsPer100Ms = 89 * 500, BilledMsMin1000Per100Ms = 89 * 1000 });
        run.Usage.ActivePeriods.ExactSeconds.Should().BeApproximately(run.Usage.BusyInstanceSeconds + run.Usage.InitializingInstanceSeconds, 1e-9);
        run.Usage.Lifetimes.ExactSeconds.Should().BeApproximately(
            run.Usage.BusyInstanceSeconds + run.Usage.IdleInstanceSeconds + run.Usage.InitializingInstanceSeconds, 1e-9);
    }

    /// <remarks>
    /// Requests at t = 20, 40, 60, 80 s; after each (done at +0.7 s) the instance idles 10 s and is reclaimed at
    /// +10.7 s, before the next request: 4 cold starts, 4 instance starts, one instance at most, each living 10.7 s:
    /// 4 x 10.7 / 100 = 0.428 on average.
    /// </remarks>
    [Test]
    public void Requests_further_apart_than_the_keep_alive_are_all_cold()
    {
        var run = Run(ratePerSecond: 0.05, keepAliveSeconds: 10);

        run.Requests.Should().Be(4);
        run.ColdStarts.Should().Be(4);
        run.InstanceStarts.Should().Be(4);
        run.InstancesMax.Should().Be(1);
        run.InstancesMean.Should().BeApproximately(0.428, 1e-9);
        run.Usage.IdleInstanceSeconds.Should().BeApproximately(40, 1e-9);
        run.LatencyMs.Mean.Should().BeApproximately(700, 1e-6);
        run.Usage.Lifetimes.Should().BeEquivalentTo(new { Periods = 4, BilledMsPer100Ms = 4 * 10_700 }, "each instance is reclaimed 10.7 s after it started");
    }

    /// <remarks>
    /// Ten requests a second, each 500 ms long, with one request per instance: five instances overlap in steady
    /// state. Requests at 0.1..0.5 s each start a new instance (the earlier ones are still busy); from 0.6 s on,
    /// the instance freed at exactly the arrival time (0.1 + 0.2 + 0.5 = 0.8 s for the first) ... is reused.
    /// Whatever the tie-breaking, at most 7 instances exist (0.7 s per cold request x 10 req/s), and only the
    /// first few requests are cold.
    /// </remarks>
    [Test]
    public void A_steady_stream_needs_rate_times_duration_instances()
    {
        var run = Run(ratePerSecond: 10, keepAliveSeconds: 10);

        run.Requests.Should().Be(999);
        run.ColdStarts.Should().BeInRange(5, 7);
        run.InstancesMax.Should().BeInRange(5, 7);
        run.InFlightMean.Should().BeApproximately(999 * 0.5 / 100, 0.02); // plus the few 200 ms cold waits
    }

    /// <remarks>
    /// With up to 10 requests per instance and no CPU work, one instance serves the whole stream of 10 req/s at
    /// 500 ms each (5 in flight): one cold start for the first request only... and the four requests that arrive
    /// while it initialises (none here: the first arrives at 0.1 s and the instance is ready at 0.3 s, before the
    /// third request at 0.3 s... the second, at 0.2 s, joins the starting instance and waits 0.1 s).
    /// </remarks>
    [Test]
    public void Many_per_instance_serves_a_stream_from_one_instance()
    {
        var run = Run(ratePerSecond: 10, keepAliveSeconds: 10, PolicyOptions.ManyPerInstance(10, vCpus: 1));

        run.InstanceStarts.Should().Be(1);
        run.InstancesMax.Should().Be(1);
        run.ColdStarts.Should().BeInRange(2, 3, "the requests at 0.1 s and 0.2 s (and 0.3 s if it ties with readiness) wait");
        run.Cost.RequestsUsd.Should().Be(0, "instance-based billing has no per-request charge");
        run.Usage.Lifetimes.Should().BeEquivalentTo(new { Periods = 1, BilledMsPer100Ms = 99_900 }, "the instance lives from 0.1 s to the 100 s horizon");
        run.Usage.ActivePeriods.Should().BeEquivalentTo(new { Periods = 1, BilledMsPer100Ms = 99_900 }, "from 0.1 s on it always holds a request: one stretch, shared");
        run.Usage.ExecutingPeriods.Should().BeEquivalentTo(new { Periods = 1, BilledMsPer100Ms = 99_700 }, "it executes from the end of its init at 0.3 s");
        run.Cost.TotalUsd.Should().Be(99.9m * (0.000018m + 0.000002m), "1 vCPU and 1 GiB for its whole life, busy, idle or starting");
    }
}
