using ServerlessSim.Cost;

namespace ServerlessSim.Tests.Cost;

public class CostSummaryTests
{
    [Test]
    public void The_total_is_the_sum_of_the_parts_and_compute_is_busy_plus_idle()
    {
        var bill = new CostSummary(1m, 2m, 3m, 4m, 5m, 6m, CompletedRequests: 2_000_000, CpuSeconds: 7);

        bill.TotalUsd.Should().Be(21m);
        bill.ComputeUsd.Should().Be(5m);
        bill.PerMillionRequestsUsd.Should().Be(10.5m);
        bill.PerCpuSecondUsd.Should().Be(3m);
    }

    /// <remarks>
    /// What IO wait costs: 1,000,000 requests of 10 ms CPU and 150 ms IO on Lambda at 1,769 MB (one vCPU) bill 160 ms
    /// each, 160,000 s x 1.7275 GB x $0.0000166667 = $4.6068 plus $0.20, for 10,000 CPU-seconds of work: $0.00048
    /// per CPU-second, 16.7x the $0.0000288 a busy vCPU-second costs at that size (16x from paying 160 ms for 10 ms of
    /// CPU, the rest from the request charge).
    /// </remarks>
    [Test]
    public void Cost_per_CPU_second_shows_what_IO_wait_costs()
    {
        var usage = Usage.Empty(1769, 1) with { CompletedRequests = 1_000_000, Executions = MeteredTime.Repeat(0.160, 1_000_000), CpuSeconds = 10_000 };

        var bill = BillingPolicies.Create(new BillingOptions(BillingModel.LambdaPerRequest), PriceTable.Default).Bill(usage);
        var vCpuSecondPrice = 1769m / 1024m * 0.0000166667m;

        bill.PerCpuSecondUsd.Should().Be(bill.TotalUsd / 10_000);
        (bill.PerCpuSecondUsd / vCpuSecondPrice).Should().BeApproximately(16.7m, 0.05m);
    }

    [Test]
    public void Nothing_completed_and_no_work_bill_nothing_per_unit()
    {
        var bill = new CostSummary(1m, 0, 0, 0, 0, 0, CompletedRequests: 0, CpuSeconds: 0);

        bill.PerMillionRequestsUsd.Should().Be(0);
        bill.PerCpuSecondUsd.Should().Be(0);
    }

    [TestCase(0, 1)]
    [TestCase(1024, 1)]
    [TestCase(65_536, 1)]
    [TestCase(65_537, 2)]
    [TestCase(262_144, 4)]
    public void Sqs_bills_one_request_per_started_64_KB_chunk(long payloadBytes, long requests)
    {
        QueueBilling.BilledRequests(payloadBytes, PriceTable.Default).Should().Be(requests);
    }

    /// <remarks>3,000,000 SQS requests at $0.40 per million = $1.20 (with the free tier, 2,000,000 = $0.80), whatever the billing model.</remarks>
    [TestCase(BillingModel.LambdaPerRequest)]
    [TestCase(BillingModel.CloudRunRequestBased)]
    [TestCase(BillingModel.CloudRunInstanceBased)]
    [TestCase(BillingModel.LambdaManagedInstances)]
    [TestCase(BillingModel.AzureFlexConsumption)]
    public void Queue_requests_are_billed_at_the_SQS_price(BillingModel model)
    {
        var usage = Usage.Empty(1024, 1) with { QueueRequests = 3_000_000 };

        BillingPolicies.Create(new BillingOptions(model), PriceTable.Default).Bill(usage).QueueUsd.Should().Be(1.20m);
        BillingPolicies.Create(new BillingOptions(model, FreeTier: true), PriceTable.Default).Bill(usage).QueueUsd.Should().Be(0.80m);
    }

    [Test]
    public void Arm_prices_are_only_for_Lambda()
    {
        var act = () => BillingPolicies.Create(new BillingOptions(BillingModel.CloudRunRequestBased, Arm: true), PriceTable.Default);

        act.Should().Throw<ArgumentException>().WithMessage("*only to LambdaPerRequest*");
    }

    [Test]
    public void Billing_options_read_as_the_model_and_the_options_set()
    {
        new BillingOptions(BillingModel.LambdaPerRequest).ToString().Should().Be("LambdaPerRequest");
        new BillingOptions(BillingModel.LambdaPerRequest, Arm: true, FreeTier: true).ToString().Should().Be("LambdaPerRequest (Arm, free tier)");
    }
}
