using ServerlessSim.Engine;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Platform.EventSources;

/// <summary>A function behind a Kinesis stream, run end to end.</summary>
public class KinesisEventSourceModelTests
{
    [Test]
    public void Each_poll_invokes_a_lane_once_with_what_arrived_since_the_last()
    {
        // One shard, 3.5 records a second (at k / 3.5 s), polled every second: the poll at t reads what came in
        // [t - 1, t) (a record at the poll's very instant waits for the next), 3 or 4 records, one batch a poll.
        const int records = 699;
        var run = EventSourceScenarios.Run(EventSourceScenarios.Constant(BatchingOptions.Kinesis(shards: 1), 3.5, records, 0.01));

        run.Batching!.Invocations.Should().Be(200);
        run.Batching.BatchSize.Max.Should().Be(4);
        run.Batching.BatchSize.Mean.Should().BeApproximately(699 / 200.0, 1e-12);
        run.Batching.IteratorAgeMsMax.Should().BeLessThanOrEqualTo(1000, "a record waits at most one poll interval");
        run.Batching.Requests.Total.Should().Be(0, "a stream makes no SQS requests");
        run.ShouldConserveMessages();
    }

    [Test]
    public void More_shards_and_a_higher_parallelization_factor_process_more_batches_at_once()
    {
        var arrivals = ArrivalProcess.Poisson(400);
        PolicyOptions[] policies =
        [
            PolicyOptions.Batched(BatchingOptions.Kinesis(shards: 1), "one-lane"),
            PolicyOptions.Batched(BatchingOptions.Kinesis(shards: 2, parallelizationFactor: 5), "ten-lanes"),
        ];
        var scenario = EventSourceScenarios.Poisson(policies, arrivals, 120);

        var one = EventSourceScenarios.Run(scenario, 0);
        var ten = EventSourceScenarios.Run(scenario, 1);

        one.InstancesMax.Should().Be(1, "one lane invokes one batch at a time");
        ten.InstancesMax.Should().BeInRange(2, 10);
        ten.LatencyMs.Mean.Should().BeLessThan(one.LatencyMs.Mean);
        one.ShouldConserveMessages();
        ten.ShouldConserveMessages();
    }

    [Test]
    public void A_failing_batch_is_retried_until_its_retries_run_out_then_discarded()
    {
        var kinesis = BatchingOptions.Kinesis(shards: 2) with { MaximumRetryAttempts = 1 };
        var run = EventSourceScenarios.Run(EventSourceScenarios.Poisson([PolicyOptions.Batched(kinesis)], ArrivalProcess.Poisson(50), 120, errorProbability: 0.01));

        run.Batching!.FailedInvocations.Should().BePositive();
        run.Batching.DeadLettered.Should().BePositive("batches that failed twice are discarded");
        run.ShouldConserveMessages();
    }
}
