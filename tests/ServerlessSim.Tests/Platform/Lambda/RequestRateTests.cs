using ServerlessSim.Policies.Invocation;
using ServerlessSim.Tests.TestSupport;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Platform.Lambda;

/// <summary>Lambda's request rate: 10 invocations a second per unit of concurrency, for the account and for a reserved function.</summary>
public sealed class RequestRateTests
{
    // Requests of 1 ms: concurrency never binds, only the rate does. Arrivals at n / 300 s for n = 1 .. 29,999; the
    // account limit 10 allows 100 a second from a full bucket of 100, so the last arrival (99.9967 s) has been credited
    // 100 + 100 x 29,998 / 300 = 10,099.3 tokens since the first: 10,099 invocations.
    [Test]
    public void Invocations_beyond_ten_a_second_per_unit_of_the_account_limit_are_throttled()
    {
        var run = LambdaScenarios.Run(LambdaScenarios.Scenario(ArrivalProcess.Constant(300), ioSeconds: 0.001, horizonSeconds: 100, limit: 10));

        run.Requests.Should().Be(29_999);
        run.Completed.Should().Be(10_099);
        run.ThrottledByRequestRate.Should().Be(29_999 - 10_099);
        run.ThrottledByAccountLimit.Should().Be(0, "a millisecond request never finds 10 others in flight");
    }

    // Reserved concurrency 5: 50 a second from a bucket of 50; arrivals n / 150 s, n = 1 .. 14,999: 50 + 50 x 14,998 / 150 = 5,049.3.
    [Test]
    public void A_reserved_function_gets_ten_a_second_per_unit_of_its_reservation()
    {
        var scenario = LambdaScenarios.Scenario(
            ArrivalProcess.Constant(150), ioSeconds: 0.001, horizonSeconds: 100, limit: 1000, function: f => f with { ReservedConcurrency = 5 });

        var run = LambdaScenarios.Run(scenario);

        run.Completed.Should().Be(5_049);
        run.ThrottledByRequestRate.Should().Be(14_999 - 5_049);
        run.ThrottledByReservedConcurrency.Should().Be(0);
    }

    [Test]
    public void Retried_attempts_are_invocations_too()
    {
        var scenario = LambdaScenarios.Scenario(
            ArrivalProcess.Constant(300), ioSeconds: 0.001, horizonSeconds: 100, limit: 10,
            function: f => f with { Invocation = new SynchronousInvocation(ClientRetryOptions.AwsSdkStandard) });

        var run = LambdaScenarios.Run(scenario);

        run.Retries.Should().BeGreaterThan(0);
        run.Throttled.Should().BeGreaterThan(0);
        run.ThrottledByRequestRate.Should().Be(run.Throttled, "every 429 here is the rate's");

        // The bucket's 10,099 by the last arrival, plus its refill (100 a second) while the last retries come, at most
        // 1 s + 2 s later: without the rate on retries, most of the 29,999 would complete.
        run.Completed.Should().BeInRange(10_100, 10_400);
        run.ThrottleResponses.Should().Be(run.Retries + run.Throttled);
        LambdaScenarios.Ended(run).Should().Be(run.Requests);
    }

    // Reserved concurrency 0 switches a function off on concurrency; it must not use the other functions' rate.
    [Test]
    public void The_unreserved_functions_share_the_rate_left_by_the_reservations()
    {
        var scenario = LambdaScenarios.Scenario(ArrivalProcess.Constant(300), ioSeconds: 0.001, horizonSeconds: 100, limit: 110);
        var off = scenario.Function with { Name = "off", ReservedConcurrency = 0 };
        var reserved = scenario.Function with { Name = "reserved", ReservedConcurrency = 10 };
        var open = scenario.Function with { Name = "open", Arrivals = ArrivalProcess.Constant(3000) };

        var run = ServerlessSim.Experiments.ScenarioRunner.Run(scenario with { Functions = [off, reserved, open] }, 0, 0);

        run.FunctionResults[0].ThrottledByReservedConcurrency.Should().Be(29_999, "a reservation of 0 throttles on concurrency, not on the rate");
        run.FunctionResults[1].Completed.Should().Be(10_099, "its own 100 a second, untouched by the others");
        run.FunctionResults[2].Completed.Should().Be(100_999, "1,000 a second for the 100 left unreserved: floor(1,000 + 1,000 x 299,998 / 3,000)");
    }

    [Test]
    public void Without_the_limit_the_same_traffic_is_all_served()
    {
        var run = LambdaScenarios.Run(LambdaScenarios.Scenario(
            ArrivalProcess.Constant(300), ioSeconds: 0.001, horizonSeconds: 100, limit: 10, scaling: LambdaScenarios.Rules(r => r with { RequestRatePerConcurrency = null })));

        run.Completed.Should().Be(29_999);
    }
}
