using ServerlessSim.Platform.EventSources;
using ServerlessSim.Policies.Batching;

namespace ServerlessSim.Tests.Platform.EventSources;

public class BatchAssemblerTests
{
    [Test]
    public void A_batch_is_due_when_full()
    {
        var (queue, _) = RecordingOutcomes.NewQueue(new SqsQueueOptions());
        var batch = new BatchAssembler(new BatchTrigger(3, 10, BatchingLimits.MaxPayloadBytes));
        queue.Send(0, 100, 0);
        queue.Send(0.5, 100, 0);
        batch.ReceiveFrom(queue, 1).Should().Be(2);
        batch.IsDue(1).Should().BeFalse("2 of 3, and its window ends at 11");
        batch.Deadline.Should().Be(11);

        queue.Send(2, 100, 0);
        queue.Send(2, 100, 0);
        batch.ReceiveFrom(queue, 2).Should().Be(1, "only one more fits");
        batch.IsDue(2).Should().BeTrue();
        batch.Receipts.ToArray().Should().Equal(batch.Slots.ToArray().Select(s => queue.Messages.Version[s]));
        queue.Visible.Should().Be(1);
    }

    [Test]
    public void A_batch_is_due_when_its_window_ends_and_an_empty_one_never_is()
    {
        var (queue, _) = RecordingOutcomes.NewQueue(new SqsQueueOptions());
        var batch = new BatchAssembler(new BatchTrigger(100, 5, BatchingLimits.MaxPayloadBytes));
        batch.IsDue(1_000).Should().BeFalse();
        batch.Deadline.Should().Be(double.PositiveInfinity);

        queue.Send(3, 100, 0);
        batch.ReceiveFrom(queue, 3);
        batch.IsDue(7.999).Should().BeFalse();
        batch.IsDue(8).Should().BeTrue("the window opened with the first message, at 3");
    }

    [Test]
    public void A_batch_is_due_when_the_next_message_would_pass_the_payload_cap()
    {
        var (queue, _) = RecordingOutcomes.NewQueue(new SqsQueueOptions());
        var batch = new BatchAssembler(new BatchTrigger(10_000, 300, BatchingLimits.MaxPayloadBytes));
        for (var i = 0; i < 7; i++)
        {
            queue.Send(0, 1_048_576, 0);
        }

        batch.ReceiveFrom(queue, 0).Should().Be(6, "six 1 MiB messages make 6 MB");
        batch.Bytes.Should().Be(BatchingLimits.MaxPayloadBytes);
        batch.IsDue(0).Should().BeTrue();

        batch.Clear();
        queue.Send(0, 1_048_000, 0);
        batch.ReceiveFrom(queue, 0).Should().Be(2);
        batch.IsDue(0).Should().BeFalse("nothing left waiting; 2 MiB is under the cap");
    }
}
