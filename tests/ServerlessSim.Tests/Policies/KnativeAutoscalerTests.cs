using ServerlessSim.Engine;
using ServerlessSim.Policies.Scaling;

namespace ServerlessSim.Tests.Policies;

/// <summary>The KPA's decisions on hand-worked metric windows, in the worked-number style of Knative's autoscaler_test.go.</summary>
public class KnativeAutoscalerTests
{
    // Defaults: target 100 x 0.7 = 70 requests per pod, stable window 60 s, panic window 6 s, threshold 200%.
    private static readonly KnativeScalingOptions Defaults = new();

    /// <summary>A window holding <paramref name="segments"/> (until seconds, concurrency) from time 0, advanced to the last.</summary>
    private static ScalingMetricsWindow Window(params (double Until, double Concurrency)[] segments)
    {
        var window = new ScalingMetricsWindow(60);
        foreach (var (until, concurrency) in segments)
        {
            window.Advance(until, concurrency, 0);
        }

        return window;
    }

    private static ScaleResult Decide(IAutoscaler autoscaler, ScalingMetricsWindow window, double now, int ready, int? instances = null) =>
        autoscaler.Scale(now, new AutoscalerContext(now, ready, instances ?? ready, 1000, 1, 0, window));

    [Test]
    public void Stable_mode_sizes_pods_for_target_times_utilisation()
    {
        // 150 requests in flight all minute, 2 ready pods: ceil(150 / 70) = 3; the panic window also wants 3, and
        // 3 / 2 = 1.5 < 2, so no panic.
        var result = Decide(ScalingPolicies.Create(Defaults), Window((60, 150)), 60, ready: 2);

        result.Should().Be(new ScaleResult(3, Panicking: false));
    }

    [Test]
    public void The_scale_up_rate_still_lets_the_count_grow_by_one()
    {
        // Knative's own example: MSUR = 1.1, observed concurrency 3, 2 ready pods, target 1: 3 wanted; ceil(1.1 x 2) = 3,
        // not 2.2 -> 2, so 3 pods.
        var options = Defaults with { TargetConcurrency = 1, TargetUtilization = 1, MaxScaleUpRate = 1.1, PanicThresholdPercentage = 1000 };

        Decide(ScalingPolicies.Create(options), Window((60, 3)), 60, ready: 2).DesiredInstances.Should().Be(3);
    }

    [Test]
    public void The_scale_down_rate_halves_at_most()
    {
        // 70 in flight wants 1 pod, but 10 ready pods may only drop to floor(10 / 2) = 5 in one decision.
        Decide(ScalingPolicies.Create(Defaults), Window((60, 70)), 60, ready: 10).DesiredInstances.Should().Be(5);
    }

    [Test]
    public void Panic_starts_when_the_panic_window_wants_twice_the_ready_pods_and_does_not_scale_down_until_a_stable_window_passes()
    {
        var autoscaler = ScalingPolicies.Create(Defaults);

        // 140 for 54 s, then 290 for the last 6 s. Panic window: ceil(290 / 70) = 5 pods, 5 / 2 ready = 2.5 >= 2:
        // panic. Stable window: (54 x 140 + 6 x 290) / 60 = 155, ceil(155 / 70) = 3. Panicking takes the larger: 5.
        var window = Window((54, 140), (60, 290));
        Decide(autoscaler, window, 60, ready: 2).Should().Be(new ScaleResult(5, Panicking: true));

        // At 62 s, 2 s at 0: panic window (4 x 290 + 2 x 0) / 6 = 193.3 -> 3 pods, 3 / 5 ready < 2, no longer over
        // the threshold; but panic lasts until 60 + 60 s, and panic never scales down: still 5.
        window.Advance(62, 0, 0);
        Decide(autoscaler, window, 62, ready: 5).Should().Be(new ScaleResult(5, Panicking: true));

        // At 121 s, after 59 s at 70: over the threshold last at 60 s, 60 + 60 < 121: panic ends. Stable window
        // [61, 121]: (1 x 0 + 59 x 70) / 60 = 68.8 -> 1 pod, held at floor(5 / 2) = 2 by the scale-down rate.
        window.Advance(121, 70, 0);
        Decide(autoscaler, window, 121, ready: 5).Should().Be(new ScaleResult(2, Panicking: false));
    }

    [Test]
    public void A_burst_that_stays_over_the_threshold_keeps_extending_the_panic()
    {
        var autoscaler = ScalingPolicies.Create(Defaults);
        var window = Window((54, 0), (60, 300));
        Decide(autoscaler, window, 60, ready: 1).Panicking.Should().BeTrue("ceil(300 / 70) = 5 >= 2 x 1");

        // Still over the threshold at 100 s (1,000 in flight against 6 pods: ceil(1000 / 70) = 15 >= 12): the panic
        // is extended to 100 + 60 s.
        window.Advance(100, 1000, 0);
        Decide(autoscaler, window, 100, ready: 6).Panicking.Should().BeTrue();
        window.Advance(150, 10, 0);
        Decide(autoscaler, window, 150, ready: 15).Panicking.Should().BeTrue("100 + 60 > 150");
        window.Advance(161, 10, 0);
        Decide(autoscaler, window, 161, ready: 15).Panicking.Should().BeFalse("100 + 60 < 161");
    }

    [Test]
    public void The_last_pod_goes_only_after_the_scale_to_zero_grace_period()
    {
        var autoscaler = ScalingPolicies.Create(Defaults);
        var window = Window((100, 0));

        // Nothing for a whole stable window wants 0 pods; one stays for the 30 s grace period, from the first such decision.
        Decide(autoscaler, window, 100, ready: 1).DesiredInstances.Should().Be(1);
        window.Advance(129, 0, 0);
        Decide(autoscaler, window, 129, ready: 1).DesiredInstances.Should().Be(1);
        window.Advance(130, 0, 0);
        Decide(autoscaler, window, 130, ready: 1).DesiredInstances.Should().Be(0);
    }

    [Test]
    public void Traffic_during_the_grace_period_restarts_it()
    {
        var autoscaler = ScalingPolicies.Create(Defaults);
        var window = Window((100, 0));
        Decide(autoscaler, window, 100, ready: 1).DesiredInstances.Should().Be(1);

        window.Advance(110, 1, 0);
        Decide(autoscaler, window, 110, ready: 1).DesiredInstances.Should().Be(1, "10 request-seconds over 60 s wants ceil(0.17 / 70) = 1 pod");
        window.Advance(180, 0, 0);
        Decide(autoscaler, window, 180, ready: 1).DesiredInstances.Should().Be(1, "the stable window has just emptied: the grace period starts now");
        window.Advance(210, 0, 0);
        Decide(autoscaler, window, 210, ready: 1).DesiredInstances.Should().Be(0);
    }

    [Test]
    public void Min_and_max_instances_bound_the_decision()
    {
        var bounded = Defaults with { MinInstances = 2, MaxInstances = 4 };

        Decide(ScalingPolicies.Create(bounded), Window((60, 0)), 60, ready: 2).DesiredInstances.Should().Be(2, "min 2, and never to zero");
        Decide(ScalingPolicies.Create(bounded), Window((60, 700)), 60, ready: 2).DesiredInstances.Should().Be(4, "ceil(700 / 70) = 10, capped at 4");
    }

    [Test]
    public void A_request_waiting_at_zero_pods_wants_one_at_once()
    {
        // The activator's poke: the request arrived this instant, so no window has seen it yet.
        var result = ScalingPolicies.Create(Defaults).Scale(30, new AutoscalerContext(30, 0, 0, 1000, 1, 1, Window((30, 0))));

        result.DesiredInstances.Should().Be(1);
    }

    [Test]
    public void A_scale_down_delay_holds_the_largest_recent_decision()
    {
        var autoscaler = ScalingPolicies.Create(Defaults with { ScaleDownDelay = SimDuration.FromSeconds(30), MaxScaleDownRate = 100 });
        var window = Window((60, 700));
        Decide(autoscaler, window, 60, ready: 10).DesiredInstances.Should().Be(10);

        window.Advance(80, 70, 0);
        Decide(autoscaler, window, 80, ready: 10).DesiredInstances.Should().Be(10, "10 was decided 20 s ago, inside the 30 s delay");
        window.Advance(140, 70, 0);
        Decide(autoscaler, window, 140, ready: 10).DesiredInstances.Should().Be(1);
    }
}
