using ServerlessSim.Platform.EventSources;
using ServerlessSim.Policies.Batching;

namespace ServerlessSim.Tests.Platform.EventSources;

/// <summary>A queue and one gathering batch driven by hand: deterministic arrivals give invocation counts known in advance.</summary>
public class BatchingKnownCountTests
{
    // 1,000 messages sent every 0.3 s (0, 0.3, ..., 299.7), processed at once when their batch is invoked.
    private static List<int> Run(int batchSize, double windowSeconds, int messages = 1_000, double gap = 0.3)
    {
        var (queue, _) = RecordingOutcomes.NewQueue(new SqsQueueOptions());
        var batch = new BatchAssembler(new BatchTrigger(batchSize, windowSeconds, BatchingLimits.MaxPayloadBytes));
        var sizes = new List<int>();
        var sent = 0;
        while (sent < messages || batch.Count > 0)
        {
            var nextArrival = sent < messages ? sent * gap : double.PositiveInfinity;
            var now = Math.Min(nextArrival, batch.Deadline);
            if (now == nextArrival)
            {
                queue.Send(now, 1_024, 0);
                sent++;
                batch.ReceiveFrom(queue, now);
            }

            if (batch.IsDue(now))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    queue.Delete(batch.Slots[i], batch.Receipts[i]).Should().BeTrue();
                }

                sizes.Add(batch.Count);
                batch.Clear();
                batch.ReceiveFrom(queue, now);
            }

            queue.ShouldConserveMessages();
        }

        queue.Deleted.Should().Be(messages);
        return sizes;
    }

    [TestCase(10, 0, 1_000, TestName = "No window: every message is its own batch")]
    [TestCase(5, 2, 200, TestName = "Batch 5, window 2 s: full after 1.2 s, 200 batches")]
    [TestCase(100, 2, 143, TestName = "Batch 100, window 2 s: 7 messages a window (0 to 1.8 s), 143 batches")]
    [TestCase(100, 30, 10, TestName = "Batch 100, window 30 s: full after 29.7 s, 10 batches")]
    [TestCase(10_000, 300, 1, TestName = "Batch 10,000, window 300 s: the 1,000 messages span 299.7 s, one batch")]
    public void Batch_size_and_window_give_the_invocation_count(int batchSize, double window, int invocations)
    {
        Run(batchSize, window).Count.Should().Be(invocations);
    }

    [Test]
    public void With_a_window_each_batch_holds_what_arrived_within_it()
    {
        var sizes = Run(100, 2);
        sizes.Take(142).Should().OnlyContain(size => size == 7);
        sizes[^1].Should().Be(1_000 - (142 * 7));
    }
}
