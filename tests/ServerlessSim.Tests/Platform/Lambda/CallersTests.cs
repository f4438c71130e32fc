using ServerlessSim.Engine;
using ServerlessSim.Policies.Invocation;
using ServerlessSim.Tests.TestSupport;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Platform.Lambda;

/// <summary>What callers do with throttles and errors: a client's retries, Lambda's asynchronous queue, function errors; every request ends once.</summary>
public sealed class CallersTests
{
    private static ServerlessSim.Experiments.Scenario Scenario(
        InvocationOptions invocation, int? reserved = null, double errorProbability = 0, double rate = 10, double horizon = 100, double io = 0.1) =>
        LambdaScenarios.Scenario(
            ArrivalProcess.Constant(rate), ioSeconds: io, horizonSeconds: horizon,
            function: f => f with { Invocation = invocation, ReservedConcurrency = reserved, ErrorProbability = errorProbability });

    [Test]
    public void A_client_with_the_SDK_standard_retries_tries_three_times_then_gives_up()
    {
        // A reservation of 0 throttles every attempt.
        var run = LambdaScenarios.Run(Scenario(new SynchronousInvocation(ClientRetryOptions.AwsSdkStandard), reserved: 0));

        run.Requests.Should().Be(999);
        run.ThrottleResponses.Should().Be(3 * 999);
        run.Retries.Should().Be(2 * 999);
        run.ThrottledByReservedConcurrency.Should().Be(999);
        run.RetryAgeMaxSeconds.Should().BeLessThan(3, "the two waits are at most 1 s and 2 s");
        run.WaitingMean.Should().BeGreaterThan(0);
    }

    [Test]
    public void Retries_turn_a_short_overload_into_latency_rather_than_errors()
    {
        // 20 req/s of 1 s requests against a reservation of 15: some attempts are throttled, and most retries succeed.
        var without = LambdaScenarios.Run(Scenario(InvocationOptions.Synchronous, reserved: 15, rate: 20, io: 1));
        var with = LambdaScenarios.Run(Scenario(new SynchronousInvocation(ClientRetryOptions.AwsSdkStandard), reserved: 15, rate: 20, io: 1));

        with.Throttled.Should().BeLessThan(without.Throttled);
        with.Retries.Should().BeGreaterThan(0);
        with.ThrottleResponses.Should().Be(with.Retries + with.Throttled, "every 429 is retried or ends the request");
        with.LatencyMs.Max.Should().BeGreaterThan(without.LatencyMs.Max);
        LambdaScenarios.Ended(with).Should().Be(with.Requests);
    }

    [Test]
    public void An_asynchronous_event_is_retried_until_its_maximum_age_then_dropped()
    {
        var run = LambdaScenarios.Run(Scenario(new AsynchronousInvocation(SimDuration.FromSeconds(60)), reserved: 0));

        run.Dropped.Should().Be(999);
        run.Throttled.Should().Be(0, "asynchronous callers never see the 429");
        run.RetryAgeMaxSeconds.Should().BeLessThan(60);

        // Retries after 1, 2, 4, 8, 16, 32 s (each 0.5-1 of it) fit 4 to 6 attempts in a minute.
        run.ThrottleResponses.Should().BeInRange(5 * 999, 7 * 999);
    }

    [Test]
    public void An_asynchronous_burst_beyond_the_reservation_is_all_served_later()
    {
        // 50 req/s of 1 s requests for 20 s against 10 environments: the queue absorbs the excess and drains after.
        var run = LambdaScenarios.Run(Scenario(AsynchronousInvocation.Default, reserved: 10, rate: 50, horizon: 20, io: 1));

        run.Completed.Should().Be(run.Requests);
        run.Dropped.Should().Be(0);
        run.Retries.Should().BeGreaterThan(run.Requests, "most events wait through several retries");
        run.LatencyMs.Max.Should().BeGreaterThan(60_000, "the last events wait out the backlog");
    }

    [Test]
    public void Synchronous_function_errors_are_not_retried()
    {
        var run = LambdaScenarios.Run(Scenario(new SynchronousInvocation(ClientRetryOptions.AwsSdkStandard), errorProbability: 0.2, rate: 100));

        // 9,999 requests, each an error with probability 0.2: 1,999.8 expected, sd 40.
        run.Errors.Should().BeInRange(1_800, 2_200);
        run.Retries.Should().Be(0);
        (run.Completed + run.Errors).Should().Be(run.Requests);
    }

    [Test]
    public void Asynchronous_function_errors_are_retried_twice_a_minute_then_two_apart()
    {
        var run = LambdaScenarios.Run(Scenario(AsynchronousInvocation.Default, errorProbability: 0.2, rate: 100));

        // Final errors need three failures in a row: 0.2^3 x 9,999 = 80 expected (sd 9); retries p + p^2 = 0.24 per event.
        run.Errors.Should().BeInRange(40, 130);
        run.Retries.Should().BeInRange(2_200, 2_600);
        run.RetryAgeMaxSeconds.Should().BeGreaterThanOrEqualTo(180, "a second retry comes 1 + 2 minutes after the first attempt");
        (run.Completed + run.Errors).Should().Be(run.Requests);
    }
}
