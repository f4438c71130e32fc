using ServerlessSim.Engine;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Platform.EventSources;

/// <summary>A function behind an SQS queue, run end to end: known answers, conservation, over-pull, partial failures, billing.</summary>
public class SqsEventSourceModelTests
{
    // 3.5 messages a second: a window of 1 s holds 4 (0 to 0.857 s after its first), one of 5 s holds 18.
    [TestCase(10, 0, 1, TestName = "No window: each message alone")]
    [TestCase(10, 1, 4, TestName = "Window 1 s at 3.5/s: 4 messages a batch")]
    [TestCase(3, 1, 3, TestName = "Batch 3, window 1 s: full at 3")]
    [TestCase(100, 5, 18, TestName = "Batch 100, window 5 s: 18 messages a batch")]
    public void Batch_size_and_window_give_exactly_the_invocations_expected(int batchSize, double window, int perBatch)
    {
        const int messages = 1_000;
        var run = EventSourceScenarios.Run(EventSourceScenarios.Constant(BatchingOptions.Sqs(batchSize, SimDuration.FromSeconds(window)), 3.5, messages, 0.01));

        var invocations = (messages + perBatch - 1) / perBatch;
        run.Requests.Should().Be(messages);
        run.Batching!.Invocations.Should().Be(invocations);
        run.Usage.BilledInvocations.Should().Be(invocations, "each batch is billed as one request");
        run.Batching.BatchSize.Max.Should().Be(perBatch);
        run.ShouldConserveMessages();
    }

    [Test]
    public void Latency_runs_from_the_send_to_the_end_of_the_batchs_invocation()
    {
        // Batches of 4 sent 1/3.5 s apart, invoked 1 s after the first; 4 x 50 ms one after another: the j-th waits
        // 1 - j / 3.5 + 0.2 s, a mean of 1.2 - 1.5 / 3.5 = 0.771 s.
        var run = EventSourceScenarios.Run(EventSourceScenarios.Constant(BatchingOptions.Sqs(10, SimDuration.FromSeconds(1)), 3.5, 1_000, 0.05));

        run.LatencyMs.Mean.Should().BeApproximately((1.2 - (1.5 / 3.5)) * 1000, 1e-6);
        run.LatencyMs.Max.Should().BeApproximately(1200, 1);
    }

    [Test]
    public void Concurrent_items_overlap_their_io_so_the_invocation_is_shorter()
    {
        var sequential = EventSourceScenarios.Run(EventSourceScenarios.Constant(BatchingOptions.Sqs(10, SimDuration.FromSeconds(1)), 3.5, 1_000, 0.05));
        var concurrent = EventSourceScenarios.Run(EventSourceScenarios.Constant(
            BatchingOptions.Sqs(10, SimDuration.FromSeconds(1)) with { Execution = BatchExecutionOptions.Concurrent }, 3.5, 1_000, 0.05));

        concurrent.LatencyMs.Mean.Should().BeApproximately((1.05 - (1.5 / 3.5)) * 1000, 1e-6, "the batch takes one 50 ms IO wait, not four");
        concurrent.Usage.BusyInstanceSeconds.Should().BeLessThan(sequential.Usage.BusyInstanceSeconds / 3);
    }

    [Test]
    public void Queue_requests_are_counted_and_billed()
    {
        // 1,000 sends of 1 KB, each received as it arrives into the gathering batch (one call each), 250 batch deletes;
        // the pollers with nothing to gather long-poll.
        var run = EventSourceScenarios.Run(EventSourceScenarios.Constant(BatchingOptions.Sqs(10, SimDuration.FromSeconds(1)), 3.5, 1_000, 0.05));
        var requests = run.Batching!.Requests;

        (requests.Sends, requests.Receives, requests.Deletes).Should().Be((1_000, 1_000, 250));
        requests.EmptyReceives.Should().BePositive();
        run.Usage.QueueRequests.Should().Be(requests.Total);
        run.Cost.QueueUsd.Should().Be(requests.Total * 0.40m / 1_000_000m);
    }

    [Test]
    public void A_busy_queue_is_read_in_calls_of_several_messages()
    {
        // 470 messages a second, 9.4 per 20 ms round trip: a batch of 100 takes about 11 calls, not 100.
        var run = EventSourceScenarios.Run(EventSourceScenarios.Constant(BatchingOptions.Sqs(100, SimDuration.FromSeconds(1)), 470, 47_000, 0.01));
        var source = run.Batching!;

        source.BatchSize.Mean.Should().BeApproximately(100, 1);
        ((double)source.Requests.Receives / source.Invocations).Should().BeInRange(10, 12);
        run.ShouldConserveMessages();
    }

    [TestCase(false, false)]
    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(true, true)]
    public void Messages_are_conserved_with_errors_throttles_dead_letters_and_expiry(bool fifo, bool reportFailures)
    {
        var queue = new SqsQueueOptions
        {
            MaxReceiveCount = 3, VisibilityTimeout = SimDuration.FromSeconds(5), RetentionPeriod = SimDuration.FromSeconds(60), Fifo = fifo, MessageGroups = fifo ? 20 : 1,
        };
        var batching = BatchingOptions.Sqs(10, SimDuration.Zero) with { Queue = queue, ReportBatchItemFailures = reportFailures };
        var run = EventSourceScenarios.Run(EventSourceScenarios.Poisson(
            [PolicyOptions.Batched(batching)], ArrivalProcess.Poisson(150), 120, reservedConcurrency: 5, errorProbability: 0.2));

        run.ShouldConserveMessages();
        run.Batching!.FailedInvocations.Should().BePositive();
        (run.Batching.DeadLettered + run.Batching.Expired).Should().BePositive();
    }

    [Test]
    public void Over_pull_sends_messages_to_the_dead_letter_queue_unless_maximum_concurrency_stays_within_the_reservation()
    {
        // Reserved concurrency 10; a minute at twice what 10 environments process: the pollers scale past 10 and are throttled.
        var arrivals = ArrivalProcess.Scheduled(ArrivalKind.Poisson, [new(0, 40), new(120, 80), new(180, 40)]);
        var queue = new SqsQueueOptions { MaxReceiveCount = 2 };
        PolicyOptions[] policies =
        [
            PolicyOptions.Batched(BatchingOptions.Sqs() with { Queue = queue }, "uncapped"),
            PolicyOptions.Batched(BatchingOptions.Sqs() with { Queue = queue, MaximumConcurrency = 10 }, "capped"),
        ];
        var scenario = EventSourceScenarios.Poisson(policies, arrivals, 400, reservedConcurrency: 10);

        var uncapped = EventSourceScenarios.Run(scenario, 0);
        uncapped.Batching!.ThrottledInvocations.Should().BePositive();
        uncapped.Batching.ReturnedMessages.Should().BePositive();
        uncapped.Batching.DeadLettered.Should().BePositive();

        var capped = EventSourceScenarios.Run(scenario, 1);
        (capped.Batching!.ThrottledInvocations, capped.Batching.ReturnedMessages, capped.Batching.DeadLettered).Should().Be((0, 0, 0));
        uncapped.ShouldConserveMessages();
        capped.ShouldConserveMessages();
    }

    [Test]
    public void Partial_batch_responses_return_only_the_failed_messages()
    {
        var queue = new SqsQueueOptions { MaxReceiveCount = 1 };
        PolicyOptions[] policies =
        [
            PolicyOptions.Batched(BatchingOptions.Sqs() with { Queue = queue }, "whole-batch"),
            PolicyOptions.Batched(BatchingOptions.Sqs() with { Queue = queue, ReportBatchItemFailures = true }, "partial"),
        ];
        var scenario = EventSourceScenarios.Poisson(policies, ArrivalProcess.Poisson(100), 120, errorProbability: 0.05);

        var whole = EventSourceScenarios.Run(scenario, 0);
        var partial = EventSourceScenarios.Run(scenario, 1);

        // A message fails with 5%: alone it goes to the dead-letter queue; in a whole-batch failure its batch-mates go too.
        var share = (double)partial.Batching!.DeadLettered / partial.Requests;
        share.Should().BeApproximately(0.05, 0.01);
        whole.Batching!.DeadLettered.Should().BeGreaterThan(2 * partial.Batching.DeadLettered);
    }

    [Test]
    public void The_same_seed_gives_the_same_run()
    {
        var scenario = EventSourceScenarios.Poisson([Presets.SqsBatching], ArrivalProcess.Poisson(100), 60, reservedConcurrency: 3, errorProbability: 0.1);
        EventSourceScenarios.Run(scenario).ToMetrics().Should().Equal(EventSourceScenarios.Run(scenario).ToMetrics());
    }
}
