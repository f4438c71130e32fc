using ServerlessSim.Experiments;
using ServerlessSim.Policies.Invocation;
using ServerlessSim.Reporting;
using ServerlessSim.Tests.TestSupport;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Reporting;

/// <summary>Which lines the comparison table shows: a line that can only be zero for every policy is left out.</summary>
public sealed class ComparisonTableTests
{
    // 10 req/s for 20 s against a reservation of 0: every attempt is throttled.
    private static IReadOnlyList<string> Labels(InvocationOptions invocation)
    {
        var scenario = LambdaScenarios.Scenario(
            ArrivalProcess.Constant(10), ioSeconds: 0.1, horizonSeconds: 20,
            function: f => f with { Invocation = invocation, ReservedConcurrency = 0 });
        var table = ComparisonTable.From(Experiment.Run(scenario with { Replications = 2 }, maxDegreeOfParallelism: 1));
        return table.Rows.Select(row => row[0]).ToList();
    }

    [Test]
    public void Without_retries_the_throttle_responses_are_the_throttled_requests_and_are_not_repeated()
    {
        var labels = Labels(InvocationOptions.Synchronous);

        labels.Should().Contain("throttled: reserved (requests)");
        labels.Should().NotContain("throttle responses (429s)");
        labels.Should().NotContain("retries");
    }

    [Test]
    public void With_client_retries_the_table_shows_the_429s_and_the_retries()
    {
        var labels = Labels(new SynchronousInvocation(ClientRetryOptions.AwsSdkStandard));

        labels.Should().Contain("throttle responses (429s)");
        labels.Should().Contain("retries");
    }
}
