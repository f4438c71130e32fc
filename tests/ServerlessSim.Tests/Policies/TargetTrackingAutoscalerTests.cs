using ServerlessSim.Engine;
using ServerlessSim.Policies.Scaling;

namespace ServerlessSim.Tests.Policies;

/// <summary>Cloud Run's, Lambda Managed Instances' and Flex Consumption's decisions on hand-made windows.</summary>
public class TargetTrackingAutoscalerTests
{
    private static ScalingMetricsWindow Window(double until, double concurrency, double busyVCpus)
    {
        var window = new ScalingMetricsWindow(60);
        window.Advance(until, concurrency, busyVCpus);
        return window;
    }

    private static int Decide(IAutoscaler autoscaler, double now, ScalingMetricsWindow window, int instances, int k, double vCpus = 1, int current = 0) =>
        autoscaler.Scale(now, new AutoscalerContext(now, instances, instances, k, vCpus, current, window)).DesiredInstances;

    [Test]
    public void Cloud_run_wants_the_largest_of_its_concurrency_cpu_and_pending_needs()
    {
        // K = 80, 1 vCPU. 100 in flight and 2.5 vCPUs busy all minute, 120 in the system now:
        // max(ceil(100 / (0.6 x 80)), ceil(2.5 / (0.6 x 1)), ceil(120 / 80)) = max(3, 5, 2) = 5.
        Decide(ScalingPolicies.Create(new CloudRunScalingOptions()), 60, Window(60, 100, 2.5), instances: 4, k: 80, current: 120).Should().Be(5);

        // CPU-light: 100 in flight, 0.5 vCPU: ceil(100 / 48) = 3 beats ceil(0.5 / 0.6) = 1.
        Decide(ScalingPolicies.Create(new CloudRunScalingOptions()), 60, Window(60, 100, 0.5), instances: 4, k: 80).Should().Be(3);

        // A burst arriving now: 400 in the system, the minute's average still 10: ceil(400 / 80) = 5.
        Decide(ScalingPolicies.Create(new CloudRunScalingOptions()), 60, Window(60, 10, 0.1), instances: 1, k: 80, current: 400).Should().Be(5);
    }

    [Test]
    public void Cloud_run_keeps_spare_instances_for_the_idle_retention_and_stays_within_its_bounds()
    {
        var autoscaler = ScalingPolicies.Create(new CloudRunScalingOptions { MinInstances = 1 });
        var window = Window(60, 480, 0);
        Decide(autoscaler, 60, window, instances: 1, k: 80).Should().Be(10, "ceil(480 / 48) = 10");

        window.Advance(120, 0, 0);
        Decide(autoscaler, 120, window, instances: 10, k: 80).Should().Be(10, "wanted 0, but 10 were wanted within the last 15 minutes");
        window.Advance(961, 0, 0);
        Decide(autoscaler, 961, window, instances: 10, k: 80).Should().Be(1, "15 minutes after 60 s only the minimum remains");

        Decide(ScalingPolicies.Create(new CloudRunScalingOptions()), 60, Window(60, 48_000, 0), instances: 1, k: 80).Should().Be(100, "ceil(48000 / 48) = 1000, capped at the default 100");
    }

    [Test]
    public void Managed_instances_track_cpu_and_concurrency_at_half_and_grow_at_most_two_fold_in_five_minutes()
    {
        var options = new ManagedInstancesScalingOptions();

        // 64 per environment, 1 vCPU. 10 vCPUs busy: ceil(10 / 0.5) = 20; 256 in flight: ceil(256 / 32) = 8. 20 wanted,
        // from 20: steady.
        Decide(ScalingPolicies.Create(options), 60, Window(60, 256, 10), instances: 20, k: 64).Should().Be(20);

        // 1,000 wanted from 100: one 10 s tick allows 100 x 2^(10 / 300) = 102.3 -> 102.
        Decide(ScalingPolicies.Create(options), 60, Window(60, 0, 500), instances: 100, k: 64).Should().Be(102);

        // Nothing wanted from 100: at most 100 / 2^(10 / 300) = 97.7 -> 98; from 3, the minimum holds.
        Decide(ScalingPolicies.Create(options), 60, Window(60, 0, 0), instances: 100, k: 64).Should().Be(98);
        Decide(ScalingPolicies.Create(options), 60, Window(60, 0, 0), instances: 3, k: 64).Should().Be(3);

        // A small pool grows by at least one environment a tick: 3 x 1.023 rounds to 3, so 4.
        Decide(ScalingPolicies.Create(options), 60, Window(60, 0, 50), instances: 3, k: 64).Should().Be(4);
    }

    [Test]
    public void Managed_instances_double_in_five_minutes_of_ticks()
    {
        var autoscaler = ScalingPolicies.Create(new ManagedInstancesScalingOptions());
        var window = new ScalingMetricsWindow(60);
        var instances = 100;
        for (var tick = 1; tick <= 30; tick++)
        {
            window.Advance(tick * 10, 0, 1000);
            instances = Decide(autoscaler, tick * 10, window, instances, k: 64);
        }

        instances.Should().BeInRange(195, 205, "30 ticks of 10 s at 2^(1/30) each, rounded to the nearest");
    }

    [Test]
    public void Flex_consumption_wants_one_instance_per_http_concurrency_and_holds_it_for_the_scale_in_delay()
    {
        var autoscaler = ScalingPolicies.Create(new FlexConsumptionScalingOptions { MinInstances = 1 });
        var window = Window(10, 0, 0);

        Decide(autoscaler, 10, window, instances: 1, k: 16, current: 40).Should().Be(3, "ceil(40 / 16) = 3");
        window.Advance(40, 0, 0);
        Decide(autoscaler, 40, window, instances: 3, k: 16, current: 0).Should().Be(3, "wanted 30 s ago, within the 60 s scale-in delay");
        window.Advance(71, 0, 0);
        Decide(autoscaler, 71, window, instances: 3, k: 16, current: 0).Should().Be(1, "the always-ready instance stays");
        Decide(ScalingPolicies.Create(new FlexConsumptionScalingOptions()), 10, Window(10, 0, 0), 0, 16, current: 100_000).Should().Be(100, "at most 100 by default");
    }

    [Test]
    public void The_platform_defaults_are_the_documented_ones()
    {
        ManagedInstancesScalingOptions.DefaultConcurrencyPerVCpu(ManagedInstancesRuntime.Node).Should().Be(64);
        ManagedInstancesScalingOptions.DefaultConcurrencyPerVCpu(ManagedInstancesRuntime.Python).Should().Be(16);
        ManagedInstancesScalingOptions.DefaultConcurrencyPerVCpu(ManagedInstancesRuntime.Java).Should().Be(32);
        ManagedInstancesScalingOptions.DefaultConcurrencyPerVCpu(ManagedInstancesRuntime.DotNet).Should().Be(32);
        ManagedInstancesScalingOptions.DefaultMaxConcurrency(ManagedInstancesRuntime.Node, 2).Should().Be(128);
        FlexConsumptionScalingOptions.DefaultHttpConcurrency(2048).Should().Be(16);
        FlexConsumptionScalingOptions.DefaultHttpConcurrency(4096, python: true).Should().Be(1);
        new CloudRunScalingOptions().MaxInstances.Should().Be(100);
        new CloudRunScalingOptions().TickInterval.Should().Be(SimDuration.FromSeconds(5));
        new KnativeScalingOptions().PanicWindow.Should().Be(SimDuration.FromSeconds(6));
        new KnativeScalingOptions().TargetValue.Should().BeApproximately(70, 1e-9);
    }
}
