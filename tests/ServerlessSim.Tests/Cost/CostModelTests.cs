using ServerlessSim.Cost;
using ServerlessSim.Policies;

namespace ServerlessSim.Tests.Cost;

public class CostModelTests
{
    private static Usage Usage(long requests = 0, long durationMs = 0, long initMs = 0, double busy = 0, double idle = 0, double init = 0, double memoryMb = 1024, double vCpus = 1) =>
        new(requests, durationMs, initMs, busy, idle, init, memoryMb, vCpus);

    /// <remarks>1,000,000 requests of 100 ms at 1,024 MB on x86: $0.20 + 100,000 GB-s x $0.0000166667 = $1.86667.</remarks>
    [Test]
    public void A_million_100_ms_requests_at_1024_MB_on_Lambda_x86()
    {
        var bill = CostModel.Bill(Usage(1_000_000, 100_000_000), BillingModel.LambdaPerRequest, PriceTable.Default);

        bill.RequestsUsd.Should().Be(0.2);
        bill.ComputeUsd.Should().Be(1.66667);
        bill.TotalUsd.Should().Be(1.86667);
        bill.PerMillionRequestsUsd.Should().Be(1.86667);
    }

    [Test]
    public void Arm_uses_the_lower_GB_second_price()
    {
        var bill = CostModel.Bill(Usage(1_000_000, 100_000_000), BillingModel.LambdaPerRequest, PriceTable.Default, lambdaArm: true);

        bill.ComputeUsd.Should().Be(1.33334);
    }

    /// <remarks>One 1-vCPU, 1 GiB instance for an hour, half busy and half idle: 3,600 x $0.00002 = $0.072.</remarks>
    [Test]
    public void Instance_time_bills_busy_and_idle_alike()
    {
        var bill = CostModel.Bill(Usage(requests: 5000, busy: 1800, idle: 1800), BillingModel.InstanceTime, PriceTable.Default);

        bill.ComputeUsd.Should().Be(0.072);
        bill.RequestsUsd.Should().Be(0);
        bill.PerMillionRequestsUsd.Should().Be(14.4);
    }

    [Test]
    public void No_completed_requests_bill_nothing_per_million()
    {
        CostModel.Bill(Usage(), BillingModel.LambdaPerRequest, PriceTable.Default).PerMillionRequestsUsd.Should().Be(0);
    }
}
