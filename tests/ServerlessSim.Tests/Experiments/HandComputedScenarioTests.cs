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
        run.Usage.BilledDurationMs.Should().Be(99 * 500);
        run.Usage.BilledInitMs.Should().Be(200);
        run.Cost.RequestsUsd.Should().BeApproximately(99 * 0.0000002, 1e-15);
        run.Cost.ComputeUsd.Should().BeApproximately(99 * 0.5 * 0.0000166667, 1e-15);
        run.Cost.InitUsd.Should().BeApproximately(0.2 * 0.0000166667, 1e-15);
        run.Cost.TotalUsd.Should().BeApproximately(0.0000198 + 0.000825001650 + 0.00000333334, 1e-15);
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
        run.Cost.RequestsUsd.Should().Be(0, "instance-time billing has no per-request charge");
        run.Cost.ComputeUsd.Should().BeApproximately(run.Usage.BusyInstanceSeconds * 0.000018 + (run.Usage.BusyInstanceSeconds * 0.000002) + (run.Usage.IdleInstanceSeconds * 0.00002), 1e-12);
    }
}
