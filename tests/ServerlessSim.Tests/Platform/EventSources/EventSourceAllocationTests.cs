using ServerlessSim.Engine;
using ServerlessSim.Platform.EventSources;
using ServerlessSim.Policies.Batching;

namespace ServerlessSim.Tests.Platform.EventSources;

/// <summary>The queue, the batch assembly and the batch work allocate nothing per message: only arrays growing to a new peak.</summary>
/// <remarks>A new peak (the oldest message held a little older than before, say) doubles a ring now and then: under a byte per message, where one object per message would be 24 bytes or more.</remarks>
public class EventSourceAllocationTests
{
    [TestCase(false)]
    [TestCase(true)]
    public void Sending_gathering_working_deleting_and_returning_allocates_nothing(bool fifo)
    {
        var outcomes = new RecordingOutcomes { Messages = new MessageTable() };
        var queue = SqsQueue.Create(
            new SqsQueueOptions { Fifo = fifo, MessageGroups = fifo ? 50 : 1, VisibilityTimeout = SimDuration.FromSeconds(1), MaxReceiveCount = 3 },
            outcomes.Messages,
            outcomes);
        var batch = new BatchAssembler(new BatchTrigger(fifo ? 10 : 100, 0.5, BatchingLimits.MaxPayloadBytes));
        var work = new BatchWorkCalculator(BatchExecutionOptions.Concurrent, 2);
        var now = 0.0;
        void Step(int i)
        {
            now += 0.01;
            queue.Send(now, 1_000, i % 50);
            batch.ReceiveFrom(queue, now);
            if (batch.IsDue(now))
            {
                work.Compute(queue.Messages, batch.Slots);
                for (var m = 0; m < batch.Count; m++)
                {
                    // Every seventh message fails and returns; the rest are deleted.
                    if ((batch.Slots[m] + i) % 7 != 0)
                    {
                        queue.Delete(batch.Slots[m], batch.Receipts[m]);
                    }
                }

                batch.Clear();
            }

            queue.ReturnDue(now);
        }

        for (var i = 0; i < 20_000; i++)
        {
            Step(i);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var held = queue.Visible + queue.InFlight;
        for (var i = 20_000; i < 120_000; i++)
        {
            Step(i);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(100_000, $"held {held} messages, then {queue.Visible + queue.InFlight}");
        queue.Deleted.Should().BePositive();
        outcomes.Returned.Should().BePositive();
    }

    [Test]
    public void Reading_a_stream_allocates_nothing()
    {
        var reader = new KinesisShardReader(BatchingOptions.Kinesis(4, 2) with { BatchSize = 50 }, new MessageTable(), new RecordingOutcomes());
        var slots = new int[50];
        var now = 0.0;
        void Step(int i)
        {
            now += 0.01;
            reader.Append(now, i % 1000, 1_000);
            if (i % 100 == 0)
            {
                reader.Poll();
                for (var lane = 0; lane < reader.Lanes; lane++)
                {
                    if (reader.IsBusy(lane))
                    {
                        reader.Complete(lane, success: ((i / 100) + lane) % 3 != 0, now);
                    }

                    reader.TryTakeBatch(lane, now, slots);
                }
            }
        }

        for (var i = 0; i < 20_000; i++)
        {
            Step(i);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 20_000; i < 120_000; i++)
        {
            Step(i);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(100_000);
        reader.Processed.Should().BePositive();
    }
}
