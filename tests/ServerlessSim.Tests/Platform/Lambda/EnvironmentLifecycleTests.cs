using ServerlessSim.Engine;
using ServerlessSim.Policies.KeepAlive;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Randomness;
using ServerlessSim.Tests.TestSupport;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Platform.Lambda;

/// <summary>How environments live and die: keep-alive policies, the idle choice, lifetimes, init and function timeouts.</summary>
public sealed class EnvironmentLifecycleTests
{
    [Test]
    public void The_measured_idle_lifetime_makes_a_request_after_6_and_a_half_idle_minutes_cold_70_percent_of_the_time()
    {
        // One request every 390 s: the chance its environment is gone is the lifetime's CDF at 390 s,
        // 0.406 + (390 - 360) / 60 x (1 - 0.406) = 0.703. 1,999 requests: sd 0.010.
        var scenario = LambdaScenarios.Scenario(
            ArrivalProcess.Constant(1.0 / 390), ioSeconds: 0.001, horizonSeconds: 390 * 2001, warmUpSeconds: 391,
            scaling: LambdaScenarios.Rules(r => r with { KeepAlive = IdleLifetimeKeepAlive.MeasuredAwsLambda2021 }));

        var run = LambdaScenarios.Run(scenario);

        run.Requests.Should().Be(1999);
        (run.ColdStarts / (double)run.Requests).Should().BeApproximately(0.703, 0.04);
    }

    [Test]
    public void Under_4_idle_minutes_the_measured_lifetime_never_reclaims()
    {
        var scenario = LambdaScenarios.Scenario(
            ArrivalProcess.Constant(1.0 / 170), ioSeconds: 0.001, horizonSeconds: 170 * 501, warmUpSeconds: 171,
            scaling: LambdaScenarios.Rules(r => r with { KeepAlive = IdleLifetimeKeepAlive.MeasuredAwsLambda2021 }));

        LambdaScenarios.Run(scenario).ColdStarts.Should().Be(0);
    }

    [Test]
    public void The_hybrid_histogram_policy_learns_a_periodic_function_and_pre_warms_it()
    {
        // One request every 30 minutes, a 0.5 s cold start. A fixed 10-minute keep-alive misses every one; the hybrid
        // policy keeps its 4-hour fallback for the first 10 idle times, then unloads after each request and pre-warms
        // at 26.1 minutes (head 29 min less 10%), keeping the environment until 33 minutes (tail 30 min plus 10%).
        var arrivals = ArrivalProcess.Constant(1.0 / 1800);
        var hybrid = LambdaScenarios.Scenario(arrivals, ioSeconds: 0.001, horizonSeconds: 1800 * 100.5, warmUpSeconds: 1800 * 20.5, coldStartSeconds: 0.5,
            scaling: LambdaScenarios.Rules(r => r with { KeepAlive = HybridHistogramKeepAlive.Paper }));
        var fixedTen = LambdaScenarios.Scenario(arrivals, ioSeconds: 0.001, horizonSeconds: 1800 * 100.5, warmUpSeconds: 1800 * 20.5, coldStartSeconds: 0.5);

        var learned = LambdaScenarios.Run(hybrid);
        var fixedRun = LambdaScenarios.Run(fixedTen);

        fixedRun.ColdStarts.Should().Be(fixedRun.Requests);
        learned.ColdStarts.Should().Be(0);

        // Alive from 26.1 minutes to the request at 30: (30 - 26.1) / 30 of the time, plus the pre-warm's init.
        learned.InstancesMean.Should().BeApproximately(3.9 / 30, 0.01);
        fixedRun.InstancesMean.Should().BeApproximately(10.0 / 30, 0.01);
    }

    [Test]
    public void Least_recently_used_keeps_more_environments_warm_than_most_recently_used()
    {
        // Bursty traffic: 2 minutes at 100/s, 2 at 10/s, repeated; a 60 s keep-alive. Most recently used lets the spare
        // environments of each burst expire in the lull; least recently used cycles through them all and keeps them.
        var bursts = ArrivalProcess.Scheduled(ArrivalKind.Poisson,
            Enumerable.Range(0, 20).Select(i => new RateSegment(i * 120, i % 2 == 0 ? 100 : 10)).ToArray());
        PerRequestScalingOptions Choice(IdleEnvironmentChoice choice) => LambdaScenarios.Rules(r => r with { IdleChoice = choice });
        var runs = new[] { IdleEnvironmentChoice.MostRecentlyUsed, IdleEnvironmentChoice.Random, IdleEnvironmentChoice.LeastRecentlyUsed }
            .Select(c => LambdaScenarios.Run(LambdaScenarios.Scenario(bursts, ioSeconds: 0.2, horizonSeconds: 2400, warmUpSeconds: 240,
                coldStartSeconds: 0.3, keepAliveSeconds: 60, scaling: Choice(c))))
            .ToArray();

        runs[0].InstancesMean.Should().BeLessThan(runs[1].InstancesMean);
        runs[1].InstancesMean.Should().BeLessThanOrEqualTo(runs[2].InstancesMean * 1.01);
        runs[2].ColdStarts.Should().BeLessThan(runs[0].ColdStarts);
    }

    [Test]
    public void Environments_are_recycled_at_the_end_of_their_lives_even_when_busy()
    {
        // 10 req/s of 1 s requests on environments that live 30 s: about 10 environments replaced every 30 s, none lost.
        var scenario = LambdaScenarios.Scenario(ArrivalProcess.Constant(10), ioSeconds: 1, horizonSeconds: 300,
            scaling: LambdaScenarios.Rules(r => r with { MaxLifetime = new ConstantDistribution(30) }));

        var run = LambdaScenarios.Run(scenario);

        run.InstanceStarts.Should().BeInRange(95, 125);
        run.Completed.Should().Be(run.Requests);
        run.InstancesMax.Should().BeLessThanOrEqualTo(22, "a retiring environment finishes its request while its successor starts");
    }

    [Test]
    public void An_init_that_overruns_10_s_is_retried_and_fails_when_the_retry_overruns_the_function_timeout()
    {
        // Init always 12 s: cut at 10 s, retried, and the retry cut at the 3 s function timeout: every cold request fails at 13 s.
        var scenario = LambdaScenarios.Scenario(ArrivalProcess.Constant(1), ioSeconds: 0.1, horizonSeconds: 30, coldStartSeconds: 12,
            scaling: LambdaScenarios.Rules(r => r with { FunctionTimeout = SimDuration.FromSeconds(3) }));

        var run = LambdaScenarios.Run(scenario);

        run.Errors.Should().Be(run.Requests);
        run.Completed.Should().Be(0);
        run.Usage.Inits.ExactSeconds.Should().BeApproximately(13 * run.InstanceStarts, 1e-6);
    }

    [Test]
    public void An_init_that_overruns_10_s_succeeds_on_its_retry_within_the_function_timeout()
    {
        // Init 12 s: cut at 10 s and run again for 12 s within a 30 s timeout: ready after 22 s.
        var scenario = LambdaScenarios.Scenario(ArrivalProcess.Constant(0.01), ioSeconds: 0.1, horizonSeconds: 101, coldStartSeconds: 12,
            scaling: LambdaScenarios.Rules(r => r with { FunctionTimeout = SimDuration.FromSeconds(30) }));

        var run = LambdaScenarios.Run(scenario);

        run.Requests.Should().Be(1);
        run.LatencyMs.Max.Should().BeApproximately(22_100, 1e-6);
        run.Usage.Inits.ExactSeconds.Should().BeApproximately(22, 1e-9);
    }

    [Test]
    public void An_execution_past_the_function_timeout_ends_in_an_error_billed_up_to_the_timeout()
    {
        var scenario = LambdaScenarios.Scenario(ArrivalProcess.Constant(1), ioSeconds: 5, horizonSeconds: 60,
            scaling: LambdaScenarios.Rules(r => r with { FunctionTimeout = SimDuration.FromSeconds(3) }));

        var run = LambdaScenarios.Run(scenario);

        run.Errors.Should().Be(run.Requests);
        run.Usage.Executions.ExactSeconds.Should().BeApproximately(3.0 * run.Requests, 1e-6);
    }
}
