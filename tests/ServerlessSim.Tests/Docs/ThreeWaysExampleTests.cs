using ServerlessSim.Configuration;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Tests.Configuration;
using ServerlessSim.Tests.Platform.EventSources;

namespace ServerlessSim.Tests.Docs;

/// <summary>docs/examples/three-ways.json runs, and tells the story docs/batching.md tells about it.</summary>
public class ThreeWaysExampleTests
{
    [Test]
    public void The_three_ways_example_runs_and_batching_trades_latency_for_cost()
    {
        var scenario = ScenarioFile.Load(ExampleFiles.PathOf("three-ways.json"));
        scenario.Policies.Select(p => p.Name).Should().Equal("lambda", "many-k80", "sqs-batch");

        // A shorter run than the file's, burst included, one replication.
        var result = Comparison.Run(scenario with { Horizon = SimDuration.FromSeconds(420), Replications = 1 });
        var (lambda, batch) = (result.Policies[0].Replications[0], result.Policies[2].Replications[0]);

        batch.ShouldConserveMessages();
        batch.Batching!.BatchSize.Mean.Should().BeGreaterThan(90, "at 300 events/s batches of 100 fill before their 2 s window");
        batch.Cost.PerMillionRequestsUsd.Should().BeLessThan(lambda.Cost.PerMillionRequestsUsd / 2);
        batch.LatencyMs.P50.Should().BeGreaterThan(10 * lambda.LatencyMs.P50);
        batch.Cost.QueueUsd.Should().BePositive();
    }
}
