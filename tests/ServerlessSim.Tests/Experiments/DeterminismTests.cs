using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Reporting;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Experiments;

public class DeterminismTests
{
    // The built-in scenario scaled down ten-fold (100 req/s, a spike to 800 req/s from 30 s to 36 s, limit 100),
    // so the spike still throttles one request per instance, in a fraction of the time.
    private static Scenario Small(long seed)
    {
        var builtIn = BuiltInScenarios.IoHeavyApi(seed, replications: 3);
        return builtIn with
        {
            Function = builtIn.Function with
            {
                Arrivals = ArrivalProcess.Scheduled(ArrivalKind.Poisson, [new(0, 100), new(30, 800), new(36, 100)]),
            },
            Account = new AccountOptions(100),
            Horizon = SimDuration.FromSeconds(60),
            WarmUp = SimDuration.FromSeconds(10),
        };
    }

    [Test]
    public void Same_scenario_and_seed_give_a_byte_identical_document_whatever_the_threads()
    {
        var sequential = ResultsDocument.ToJson(Comparison.Run(Small(11), maxDegreeOfParallelism: 1));
        var parallel = ResultsDocument.ToJson(Comparison.Run(Small(11), maxDegreeOfParallelism: 4));

        parallel.Should().Be(sequential);
    }

    [Test]
    public void A_different_seed_gives_different_numbers()
    {
        var a = Comparison.Run(Small(11)).Policies[0];
        var b = Comparison.Run(Small(12)).Policies[0];

        b["requests"].Should().NotBe(a["requests"]);
        b["latencyMs.mean"].Should().NotBe(a["latencyMs.mean"]);
    }

    [Test]
    public void Policies_see_the_same_requests_common_random_numbers()
    {
        var result = Comparison.Run(Small(11));

        result.Policies[1].Replications.Select(r => r.Requests)
            .Should().Equal(result.Policies[0].Replications.Select(r => r.Requests));
    }

    [Test]
    public void Every_counted_request_ends_completed_or_throttled()
    {
        var runs = Comparison.Run(Small(11)).Policies.SelectMany(p => p.Replications).ToArray();

        runs.Should().Contain(r => r.Throttled > 0, "the spike must throttle for this to test anything");
        foreach (var run in runs)
        {
            (run.Completed + run.Throttled).Should().Be(run.Requests);
        }
    }

    [Test]
    public void A_cancelled_comparison_keeps_the_first_replications_every_policy_finished_and_a_rerun_gives_the_same_numbers()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Finished == 3)
            {
                cancellation.Cancel();
            }
        });

        // Runs start in replication order: (0, lambda), (0, many), (1, lambda): replication 0 of both, 1 of one.
        var result = Comparison.Run(Small(11) with { Replications = 4 }, maxDegreeOfParallelism: 1, progress, cancellation.Token);
        var rerun = Comparison.Run(Small(11) with { Replications = 1 }, maxDegreeOfParallelism: 1);

        result.Partial.Should().BeTrue();
        result.Scenario.Replications.Should().Be(1);
        result.Policies.Should().OnlyContain(p => p.Replications.Count == 1, "only replication 0 finished for every policy");
        result.Policies[0]["requests"].Should().BeGreaterThan(0);
        ResultsDocument.ToJson(result).Should().Contain("\"partial\": true")
            .And.Be(ResultsDocument.ToJson(rerun).Replace("\"partial\": false", "\"partial\": true", StringComparison.Ordinal));
    }

    // Progress<T> posts to the thread pool; the test needs the callback to run before the next replication starts.
    private sealed class SynchronousProgress(Action<(int Finished, int Total)> report) : IProgress<(int Finished, int Total)>
    {
        public void Report((int Finished, int Total) value) => report(value);
    }
}
