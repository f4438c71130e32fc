using ServerlessSim.Engine;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Tests.TestSupport;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Platform.Lambda;

/// <summary>Lambda's scaling rate: a step of traffic is throttled exactly where the token bucket (or the legacy burst) says.</summary>
public sealed class ScalingRateTests
{
    // Each request holds its environment past the horizon, so every start serves exactly one request and the starts
    // are the bucket's tokens: 1,000 at once, then 100 a second.
    [Test]
    public void A_step_from_zero_is_served_as_fast_as_the_token_bucket_refills_and_throttled_beyond()
    {
        const double rate = 2000, horizon = 20;
        var scenario = LambdaScenarios.Scenario(ArrivalProcess.Constant(rate), ioSeconds: 1000, horizonSeconds: horizon);

        var run = LambdaScenarios.Run(scenario);

        // Arrivals at n / 2,000 s for n = 1 .. 39,999; the last at 19.9995 s has been credited 1,000 + 100 x 19.9995 tokens.
        run.Requests.Should().Be(39_999);
        run.InstanceStarts.Should().Be(2_999, "floor(1,000 + 100 x 19.9995) = 2,999 environments");
        run.ThrottledByScalingRate.Should().Be(39_999 - 2_999);
        run.ThrottledByAccountLimit.Should().Be(0);
        run.ThrottleResponses.Should().Be(run.Throttled, "nothing is retried");
    }

    [Test]
    public void Without_a_scaling_rate_the_same_step_starts_an_environment_per_request()
    {
        var scenario = LambdaScenarios.Scenario(
            ArrivalProcess.Constant(2000), ioSeconds: 1000, horizonSeconds: 20, scaling: LambdaScenarios.Rules(r => r with { ScalingRate = null }));

        var run = LambdaScenarios.Run(scenario);

        run.InstanceStarts.Should().Be(39_999);
        run.Throttled.Should().Be(0);
    }

    [Test]
    public void Unused_capacity_does_not_accumulate_beyond_the_bucket()
    {
        // 60 s of nothing, then the step: after a minute idle the bucket holds 1,000, not 1,000 + 6,000.
        var arrivals = ArrivalProcess.Scheduled(ArrivalKind.Constant, [new RateSegment(0, 0), new RateSegment(60, 2000)]);
        var scenario = LambdaScenarios.Scenario(arrivals, ioSeconds: 1000, horizonSeconds: 61);

        var run = LambdaScenarios.Run(scenario);

        run.Requests.Should().Be(1_999);
        run.InstanceStarts.Should().Be(1_099, "1,000 at once, then 100 over the second: floor(1,000 + 100 x 0.9995)");
    }

    [Test]
    public void The_legacy_model_bursts_to_the_regional_level_then_adds_500_a_minute()
    {
        // Burst 500, reached by the 500th arrival at 0.25 s; from then on the ceiling grows by 500 / 60 a second.
        var scenario = LambdaScenarios.Scenario(
            ArrivalProcess.Constant(2000), ioSeconds: 1000, horizonSeconds: 120.25,
            scaling: LambdaScenarios.Rules(r => r with { ScalingRate = new LegacyBurstScalingRate(InitialBurst: 500) }));

        var run = LambdaScenarios.Run(scenario);

        // The 501st start needs the ceiling 500 + (t - 0.25) x 500 / 60 above 500: the last arrival before 120.25 s allows 500 + 999.99.
        run.InstanceStarts.Should().BeInRange(1_499, 1_500);
        run.ThrottledByScalingRate.Should().Be(run.Requests - run.InstanceStarts);
    }

    [Test]
    public void Under_the_legacy_model_the_ceiling_falls_back_to_the_burst_once_concurrency_drops_below_it()
    {
        // 1 s requests at 400/s: concurrency 400 stays under the burst of 500, so nothing is ever throttled.
        var scenario = LambdaScenarios.Scenario(
            ArrivalProcess.Constant(400), ioSeconds: 1, horizonSeconds: 300,
            scaling: LambdaScenarios.Rules(r => r with { ScalingRate = new LegacyBurstScalingRate(InitialBurst: 500) }));

        LambdaScenarios.Run(scenario).Throttled.Should().Be(0);
    }

    [Test]
    public void The_rate_limits_new_environments_only_warm_ones_serve_at_any_rate()
    {
        // 5,000 req/s of 100 ms requests need 500 environments: within the first 1,000 tokens, so after them no start is
        // needed and no request is throttled however fast they come.
        var scenario = LambdaScenarios.Scenario(ArrivalProcess.Constant(5000), ioSeconds: 0.1, horizonSeconds: 60);

        var run = LambdaScenarios.Run(scenario);

        run.Throttled.Should().Be(0);
        run.InstanceStarts.Should().BeLessThanOrEqualTo(1_000);
    }
}
