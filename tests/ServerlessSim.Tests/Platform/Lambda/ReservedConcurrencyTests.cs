using ServerlessSim.Configuration;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Tests.TestSupport;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Platform.Lambda;

/// <summary>Reserved concurrency: a function's ceiling and its floor, and the 100 that AWS keeps unreserved.</summary>
public sealed class ReservedConcurrencyTests
{
    private static FunctionDefinition Function(string name, double rate, int? reserved = null) =>
        new FunctionDefinition(
            name, TestScenarios.OneVCpuMemoryMb, ArrivalProcess.Constant(rate),
            new WorkProfile(ConstantDistribution.Zero, new ConstantDistribution(1000)), ConstantDistribution.Zero, SimDuration.FromSeconds(600))
        {
            ReservedConcurrency = reserved,
        };

    private static Scenario Account(int limit, params FunctionDefinition[] functions) => new(
        "reserved", functions, [PolicyOptions.OnePerInstance("lambda")], SimDuration.FromSeconds(10), SimDuration.Zero, Account: new AccountOptions(limit));

    [Test]
    public void A_reserving_function_is_throttled_at_its_reservation_with_the_reason_named()
    {
        // 100 req/s of requests that finish long after the horizon (the run drains them): 999 arrive, 200 are served.
        var run = ScenarioRunner.Run(Account(1000, Function("a", 100, reserved: 200)), 0, 0);

        run.Completed.Should().Be(200);
        run.InstanceStarts.Should().Be(200);
        run.ThrottledByReservedConcurrency.Should().Be(999 - 200);
        run.ThrottledByAccountLimit.Should().Be(0);
    }

    [Test]
    public void The_reservation_is_a_floor_the_other_functions_cannot_take()
    {
        // Limit 1,000 with 200 reserved by a: b and c share 800, and a keeps its 200 though it asks late.
        var a = Function("a", 100, reserved: 200) with { Arrivals = ArrivalProcess.Scheduled(ArrivalKind.Constant, [new RateSegment(0, 0), new RateSegment(5, 100)]) };
        var run = ScenarioRunner.Run(Account(1000, a, Function("b", 300), Function("c", 300)), 0, 0);

        var (fa, fb, fc) = (run.FunctionResults[0], run.FunctionResults[1], run.FunctionResults[2]);
        (fb.InstanceStarts + fc.InstanceStarts).Should().Be(800, "the unreserved functions share 1,000 - 200");
        (fb.ThrottledByAccountLimit + fc.ThrottledByAccountLimit).Should().Be(fb.Requests + fc.Requests - 800);
        fa.InstanceStarts.Should().Be(200, "a's reservation is still free when its traffic starts at 5 s");
        fa.ThrottledByReservedConcurrency.Should().Be(fa.Requests - 200);
    }

    [Test]
    public void Reservations_must_leave_100_unreserved()
    {
        var errors = ScenarioValidator.Validate(Account(1000, Function("a", 1, reserved: 600), Function("b", 1, reserved: 301)));

        errors.Should().ContainSingle(e => e.Path == "functions[1].reservedConcurrency")
            .Which.Rule.Should().Contain("reservations to 901").And.Contain("at most account.concurrencyLimit (1000) - 100 = 900");
    }

    [Test]
    public void A_reservation_of_zero_throttles_every_request()
    {
        var run = ScenarioRunner.Run(Account(1000, Function("a", 10, reserved: 0)), 0, 0);

        run.Requests.Should().Be(99);
        run.ThrottledByReservedConcurrency.Should().Be(99);
    }
}
