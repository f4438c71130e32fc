using ServerlessSim.Cost;

namespace ServerlessSim.Tests.Cost;

/// <summary>AWS Lambda bills worked out by hand from the price table's rows.</summary>
public class LambdaPerRequestBillingTests
{
    private static readonly PriceTable Prices = PriceTable.Default;

    private static CostSummary Bill(Usage usage, bool arm = false, bool freeTier = false) =>
        BillingPolicies.Create(new BillingOptions(BillingModel.LambdaPerRequest, arm, freeTier), Prices).Bill(usage);

    private static Usage Requests(long count, double seconds, double memoryMb = 1024) =>
        Usage.Empty(memoryMb, 1) with { CompletedRequests = count, Executions = MeteredTime.Repeat(seconds, count) };

    /// <remarks>1e6 x $0.20 / 1e6 = $0.20; 1e6 x 0.1 s x 1 GB = 100,000 GB-s x $0.0000166667 = $1.66667.</remarks>
    [Test]
    public void A_million_100_ms_requests_at_1024_MB_on_x86()
    {
        var bill = Bill(Requests(1_000_000, 0.1));

        bill.RequestsUsd.Should().Be(0.20m);
        bill.ComputeBusyUsd.Should().Be(1.66667m);
        bill.TotalUsd.Should().Be(1.86667m);
        bill.PerMillionRequestsUsd.Should().Be(1.86667m);
    }

    [Test]
    public void Arm_uses_its_lower_GB_second_price()
    {
        Bill(Requests(1_000_000, 0.1), arm: true).ComputeBusyUsd.Should().Be(100_000 * 0.0000133334m);
    }

    /// <remarks>100.1 ms is billed 101 ms: 1e6 x 0.101 s x 0.5 GB x $0.0000166667 = $0.84166835.</remarks>
    [Test]
    public void Each_duration_is_rounded_up_to_the_millisecond()
    {
        Bill(Requests(1_000_000, 0.1001, memoryMb: 512)).ComputeBusyUsd.Should().Be(50_500 * 0.0000166667m);
        Bill(Requests(1_000_000, 0.1, memoryMb: 512)).ComputeBusyUsd.Should().Be(50_000 * 0.0000166667m);
    }

    /// <remarks>Since 2025-08-01 init is billed like duration: 200 cold starts of 250 ms at 2 GB = 100 GB-s.</remarks>
    [Test]
    public void Init_is_billed_at_the_duration_price()
    {
        var usage = Usage.Empty(2048, 1) with { Inits = MeteredTime.Repeat(0.25, 200) };

        Bill(usage).InitUsd.Should().Be(100 * 0.0000166667m);
    }

    /// <remarks>7e9 GB-s on x86: the first 6e9 at $0.0000166667, the next 1e9 at $0.000015 (tier 2 starts at 6 billion).</remarks>
    [Test]
    public void Volume_tiers_apply_to_the_GB_seconds_past_their_threshold()
    {
        var usage = Usage.Empty(1024, 1) with { Executions = new MeteredTime(1, 7e9, 7_000_000_000_000, 0, 0) };

        Bill(usage).ComputeBusyUsd.Should().Be((6_000_000_000 * 0.0000166667m) + (1_000_000_000 * 0.000015m));
    }

    /// <remarks>
    /// AWS's own example: 3M requests of 1 s at 512 MB in a month = 1,500,000 GB-s; minus 400,000 free is 1,100,000 GB-s
    /// x $0.0000166667 = $18.333370 (AWS rounds the price to $0.00001667 and shows $18.34); 2M billable requests = $0.40.
    /// </remarks>
    [Test]
    public void The_free_tier_takes_a_million_requests_and_400000_GB_seconds_off()
    {
        var bill = Bill(Requests(3_000_000, 1.0, memoryMb: 512), freeTier: true);

        bill.RequestsUsd.Should().Be(0.40m);
        bill.ComputeBusyUsd.Should().Be(1_100_000 * 0.0000166667m);
        Bill(Requests(3_000_000, 1.0, memoryMb: 512)).TotalUsd.Should().Be(0.60m + (1_500_000 * 0.0000166667m), "the free tier is an option, off by default");
    }

    /// <remarks>300,000 GB-s of duration and 200,000 of init with 400,000 free: 100,000 charged, split 60,000 / 40,000.</remarks>
    [Test]
    public void The_free_allowance_is_shared_between_duration_and_init_in_proportion()
    {
        var usage = Usage.Empty(1024, 1) with
        {
            Executions = new MeteredTime(1, 300_000, 300_000_000, 0, 0),
            Inits = new MeteredTime(1, 200_000, 200_000_000, 0, 0),
        };

        var bill = Bill(usage, freeTier: true);

        bill.ComputeBusyUsd.Should().Be(60_000 * 0.0000166667m);
        bill.InitUsd.Should().Be(40_000 * 0.0000166667m);
    }

    /// <remarks>
    /// 10 environments of 1 GB for 61 minutes are billed 65 minutes: 10 x 3,900 s x 1 GB x $0.0000041667 = $0.16250130;
    /// 100,000 requests of 100 ms on them pay $0.0000097222 per GB-s: 10,000 GB-s = $0.097222.
    /// </remarks>
    [Test]
    public void Provisioned_concurrency_is_billed_in_five_minute_steps_and_its_requests_at_the_lower_rate()
    {
        var usage = Usage.Empty(1024, 1) with
        {
            CompletedRequests = 100_000,
            Provisioned = new ProvisionedUsage([new ProvisionedPeriod(10, 61 * 60)], MeteredTime.Repeat(0.1, 100_000), MeteredTime.None),
        };

        var bill = Bill(usage);

        bill.ProvisionedUsd.Should().Be(10 * 3900 * 0.0000041667m);
        bill.ComputeBusyUsd.Should().Be(10_000 * 0.0000097222m);
        bill.RequestsUsd.Should().Be(0.02m);
    }

    [TestCase(1.0, 300)]
    [TestCase(299.999, 300)]
    [TestCase(300.0, 300)]
    [TestCase(300.001, 600)]
    [TestCase(3600.0, 3600)]
    public void A_provisioned_period_is_rounded_up_to_whole_five_minutes(double seconds, int billedSeconds)
    {
        var usage = Usage.Empty(2048, 1) with { Provisioned = new ProvisionedUsage([new ProvisionedPeriod(1, seconds)], MeteredTime.None, MeteredTime.None) };

        Bill(usage).ProvisionedUsd.Should().Be(billedSeconds * 2 * 0.0000041667m);
        Bill(usage, arm: true).ProvisionedUsd.Should().Be(billedSeconds * 2 * 0.0000033334m);
    }

    [Test]
    public void Each_change_of_provisioned_configuration_is_rounded_on_its_own()
    {
        var usage = Usage.Empty(1024, 1) with
        {
            Provisioned = new ProvisionedUsage([new ProvisionedPeriod(5, 60), new ProvisionedPeriod(20, 301)], MeteredTime.None, MeteredTime.None),
        };

        Bill(usage).ProvisionedUsd.Should().Be(((5 * 300) + (20 * 600)) * 0.0000041667m);
    }

    [Test]
    public void The_free_tier_does_not_apply_with_provisioned_concurrency()
    {
        var usage = Requests(1_000_000, 0.1) with
        {
            Provisioned = new ProvisionedUsage([new ProvisionedPeriod(1, 300)], MeteredTime.None, MeteredTime.None),
        };

        var bill = Bill(usage, freeTier: true);

        bill.RequestsUsd.Should().Be(0.20m);
        bill.ComputeBusyUsd.Should().Be(1.66667m);
    }
}
