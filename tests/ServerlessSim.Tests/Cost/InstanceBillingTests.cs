using ServerlessSim.Cost;

namespace ServerlessSim.Tests.Cost;

/// <summary>Cloud Run, Lambda Managed Instances and Azure Flex Consumption bills worked out by hand.</summary>
public class InstanceBillingTests
{
    private const decimal CloudRunActivePerSecond = 0.000024m + 0.0000025m; // 1 vCPU + 1 GiB, request-based

    private static CostSummary Bill(BillingModel model, Usage usage, bool freeTier = false) =>
        BillingPolicies.Create(new BillingOptions(model, FreeTier: freeTier), PriceTable.Default).Bill(usage);

    /// <remarks>
    /// 80 requests of 100 ms in flight together on one 1-vCPU, 1 GiB instance make one 100 ms active stretch: billed
    /// 0.1 s x $0.0000265 once, plus 80 requests at $0.40 per million.
    /// </remarks>
    [Test]
    public void Cloud_Run_request_based_bills_concurrent_requests_once()
    {
        var usage = Usage.Empty(1024, 1) with { CompletedRequests = 80, ActivePeriods = MeteredTime.Of(0.1), BusyInstanceSeconds = 0.1 };

        var bill = Bill(BillingModel.CloudRunRequestBased, usage);

        bill.ComputeBusyUsd.Should().Be(0.1m * CloudRunActivePerSecond);
        bill.RequestsUsd.Should().Be(80 * 0.40m / 1_000_000);
        bill.ComputeIdleUsd.Should().Be(0);
    }

    /// <remarks>1,000 stretches of 50 ms are billed 100 ms each: 100 s, not the 50 s they last.</remarks>
    [Test]
    public void Cloud_Run_request_based_rounds_each_active_stretch_up_to_100_ms()
    {
        var usage = Usage.Empty(2048, 2) with { ActivePeriods = MeteredTime.Repeat(0.05, 1000) };

        Bill(BillingModel.CloudRunRequestBased, usage).ComputeBusyUsd.Should().Be(100 * ((2 * 0.000024m) + (2 * 0.0000025m)));
    }

    /// <remarks>A stretch of 1.26 s (0.3 s starting, 0.96 s serving) bills 1.3 s: 0.3 s as init, 1.0 s as busy.</remarks>
    [Test]
    public void Cloud_Run_request_based_reports_the_start_up_share_of_a_stretch_as_init()
    {
        var usage = Usage.Empty(1024, 1) with { ActivePeriods = MeteredTime.Of(1.26), InitializingInstanceSeconds = 0.3, BusyInstanceSeconds = 0.96 };

        var bill = Bill(BillingModel.CloudRunRequestBased, usage);

        bill.InitUsd.Should().Be(0.3m * CloudRunActivePerSecond);
        bill.ComputeBusyUsd.Should().Be(1.0m * CloudRunActivePerSecond);
    }

    /// <remarks>Two minimum instances kept for an hour, active 600 s between them: 6,600 idle instance-seconds at the idle rates.</remarks>
    [Test]
    public void Cloud_Run_bills_idle_minimum_instances_at_the_idle_rate()
    {
        var usage = Usage.Empty(1024, 1) with
        {
            Provisioned = new ProvisionedUsage([new ProvisionedPeriod(2, 3600)], MeteredTime.None, MeteredTime.Repeat(0.5, 1200)),
        };

        var bill = Bill(BillingModel.CloudRunRequestBased, usage);

        bill.ProvisionedUsd.Should().Be(6600 * (0.0000025m + 0.0000025m));
        bill.ComputeBusyUsd.Should().Be(600 * CloudRunActivePerSecond);
    }

    /// <remarks>250,000 vCPU-s of activity on 1 vCPU and 1 GiB with 180,000 vCPU-s and 360,000 GiB-s free: 70,000 vCPU-s charged, no memory.</remarks>
    [Test]
    public void Cloud_Run_request_based_free_tier_is_per_resource_and_requests()
    {
        var usage = Usage.Empty(1024, 1) with { CompletedRequests = 3_000_000, ActivePeriods = new MeteredTime(1, 250_000, 0, 250_000_000, 0) };

        var bill = Bill(BillingModel.CloudRunRequestBased, usage, freeTier: true);

        bill.ComputeBusyUsd.Should().Be(70_000 * 0.000024m);
        bill.RequestsUsd.Should().Be(0.40m, "2M of the 3M requests are free");
    }

    /// <remarks>
    /// An instance alive 3,600.05 s (billed 3,600.1 s), 1,800 s busy and 0.5 s starting, at 2 vCPU and 4 GiB:
    /// ($0.000018 x 2 + $0.000002 x 4) = $0.000044 a second; idle = 3,600.1 - 1,800 - 0.5 = 1,799.6 s.
    /// </remarks>
    [Test]
    public void Cloud_Run_instance_based_bills_the_whole_life_with_the_rounding_as_idle()
    {
        var usage = Usage.Empty(4096, 2) with
        {
            CompletedRequests = 1000,
            Lifetimes = MeteredTime.Of(3600.05),
            BusyInstanceSeconds = 1800,
            InitializingInstanceSeconds = 0.5,
            IdleInstanceSeconds = 1799.55,
        };

        var bill = Bill(BillingModel.CloudRunInstanceBased, usage);

        bill.ComputeBusyUsd.Should().Be(1800 * 0.000044m);
        bill.InitUsd.Should().Be(0.5m * 0.000044m);
        bill.ComputeIdleUsd.Should().Be(1799.6m * 0.000044m);
        bill.RequestsUsd.Should().Be(0);
        bill.TotalUsd.Should().Be(3600.1m * 0.000044m);
    }

    /// <remarks>
    /// 1 vCPU and 1 GiB take half an m7g.large (2 vCPU, 8 GiB, $0.0816 an hour): $0.0408 an hour plus the 15% fee =
    /// $0.04692 an hour. 2 vCPU and 16 GiB take two instances' memory: share 2.
    /// </remarks>
    [Test]
    public void Lambda_Managed_Instances_bill_each_environments_share_of_an_instance_plus_the_fee()
    {
        var oneHourBusy = Usage.Empty(1024, 1) with { CompletedRequests = 1_000_000, BusyInstanceSeconds = 3600 };
        var bigIdle = Usage.Empty(16 * 1024, 2) with { IdleInstanceSeconds = 1800 };

        var bill = Bill(BillingModel.LambdaManagedInstances, oneHourBusy);

        bill.ComputeBusyUsd.Should().Be(0.0816m * 0.5m * 1.15m);
        bill.RequestsUsd.Should().Be(0.20m);
        Bill(BillingModel.LambdaManagedInstances, bigIdle).ComputeIdleUsd.Should().Be(0.5m * 0.0816m * 2 * 1.15m);
        Bill(BillingModel.LambdaManagedInstances, oneHourBusy, freeTier: true).RequestsUsd.Should().Be(0.20m, "Managed Instances have no free tier");
    }

    /// <remarks>
    /// 1,000 executions of 50 ms on a 2,048 MB instance, each alone: 1,000 x 1,000 ms (the minimum) x 2 GB x $0.000026
    /// = $0.052, twenty times the 50 s they last; plus 1,000 executions at $0.40 per million.
    /// </remarks>
    [Test]
    public void Azure_Flex_bills_each_activity_stretch_at_least_1000_ms()
    {
        var usage = Usage.Empty(2048, 1) with { CompletedRequests = 1000, ExecutingPeriods = MeteredTime.Repeat(0.05, 1000), InitializingInstanceSeconds = 3 };

        var bill = Bill(BillingModel.AzureFlexConsumption, usage);

        bill.ComputeBusyUsd.Should().Be(1000 * 2 * 0.000026m);
        bill.RequestsUsd.Should().Be(0.0004m);
        bill.InitUsd.Should().Be(0, "Flex bills instances while they execute, not while they start");
    }

    /// <remarks>
    /// One always-ready 2 GB instance for an hour: baseline 3,600 x 2 x $0.000004 = $0.0288; its 100 executions in 40
    /// stretches of 1.25 s bill 1.3 s each at $0.000016 per GB-s; 50 more on demand (not free-granted together with
    /// the always-ready ones) pay the on-demand execution price.
    /// </remarks>
    [Test]
    public void Azure_Flex_always_ready_instances_pay_a_baseline_and_a_lower_execution_rate()
    {
        var usage = Usage.Empty(2048, 1) with
        {
            CompletedRequests = 150,
            Provisioned = new ProvisionedUsage([new ProvisionedPeriod(1, 3600)], MeteredTime.Repeat(0.5, 100), MeteredTime.Repeat(1.25, 40)),
        };

        var bill = Bill(BillingModel.AzureFlexConsumption, usage);

        bill.ProvisionedUsd.Should().Be(3600 * 2 * 0.000004m);
        bill.ComputeBusyUsd.Should().Be(40 * 1.3m * 2 * 0.000016m);
        bill.RequestsUsd.Should().Be((100 + 50) * 0.40m / 1_000_000);
    }

    [Test]
    public void Azure_Flex_free_grant_covers_on_demand_only()
    {
        var usage = Usage.Empty(2048, 1) with { CompletedRequests = 300_000, ExecutingPeriods = new MeteredTime(1, 60_000, 0, 0, 60_000_000) };

        var bill = Bill(BillingModel.AzureFlexConsumption, usage, freeTier: true);

        bill.ComputeBusyUsd.Should().Be(20_000 * 0.000026m, "120,000 GB-s less the 100,000 free");
        bill.RequestsUsd.Should().Be(50_000 * 0.40m / 1_000_000, "300,000 executions less the 250,000 free");
    }
}
