using ServerlessSim.Engine;
using ServerlessSim.Platform.EventSources;
using ServerlessSim.Policies.Batching;

namespace ServerlessSim.Tests.Platform.EventSources;

public class StandardSqsQueueTests
{
    private static readonly SqsQueueOptions Defaults = new();

    [Test]
    public void A_receive_takes_visible_messages_in_order_up_to_the_count_and_they_are_in_flight()
    {
        var (queue, _) = RecordingOutcomes.NewQueue(Defaults);
        for (var i = 0; i < 5; i++)
        {
            queue.Send(i, 100, 0);
        }

        Span<int> slots = stackalloc int[10];
        queue.Receive(10, 3, long.MaxValue, slots).Should().Be(3);
        slots[..3].ToArray().Select(s => queue.Messages.SentSeconds[s]).Should().Equal(0, 1, 2);
        (queue.Visible, queue.InFlight).Should().Be((2, 3));
        queue.Messages.ReceiveCount[slots[0]].Should().Be(1);
        queue.NextReturnSeconds.Should().Be(40, "received at 10 with a 30 s visibility timeout");
        queue.ShouldConserveMessages();
    }

    [Test]
    public void A_receive_stops_before_the_first_message_that_does_not_fit_the_bytes_left()
    {
        var (queue, _) = RecordingOutcomes.NewQueue(Defaults);
        queue.Send(0, 400, 0);
        queue.Send(0, 400, 0);
        queue.Send(0, 100, 0);

        Span<int> slots = stackalloc int[10];
        queue.Receive(0, 10, 700, slots).Should().Be(1, "the second 400 bytes would make 800 > 700; order is kept, the 100 behind it waits");
        queue.LastReceiveHitPayload.Should().BeTrue();
        queue.Receive(0, 10, 1000, slots).Should().Be(2);
        queue.LastReceiveHitPayload.Should().BeFalse();
    }

    [Test]
    public void A_deleted_message_is_gone_and_a_stale_receipt_deletes_nothing()
    {
        var (queue, _) = RecordingOutcomes.NewQueue(Defaults with { VisibilityTimeout = SimDuration.FromSeconds(5) });
        queue.Send(0, 100, 0);
        Span<int> slots = stackalloc int[1];
        queue.Receive(0, 1, long.MaxValue, slots);
        var slot = slots[0];
        var firstReceipt = queue.Messages.Version[slot];

        queue.ReturnDue(5);
        queue.Visible.Should().Be(1, "not deleted within the visibility timeout, it returned");
        queue.Receive(6, 1, long.MaxValue, slots);
        queue.Delete(slot, firstReceipt).Should().BeFalse("the first receive's receipt is no longer the message's");
        queue.Delete(slot, queue.Messages.Version[slot]).Should().BeTrue();
        queue.Delete(slot, queue.Messages.Version[slot]).Should().BeFalse("already gone");
        (queue.Deleted, queue.Visible, queue.InFlight).Should().Be((1, 0, 0));
        queue.ShouldConserveMessages();
    }

    [Test]
    public void A_returned_message_goes_behind_the_visible_ones_with_one_more_receive()
    {
        var (queue, _) = RecordingOutcomes.NewQueue(Defaults with { VisibilityTimeout = SimDuration.FromSeconds(10) });
        queue.Send(0, 100, 0);
        Span<int> slots = stackalloc int[10];
        queue.Receive(0, 1, long.MaxValue, slots);
        queue.Send(5, 100, 0);

        queue.ReturnDue(9.99);
        queue.InFlight.Should().Be(1, "its timeout ends at 10");
        queue.ReturnDue(10);
        queue.Receive(10, 10, long.MaxValue, slots).Should().Be(2);
        queue.Messages.SentSeconds[slots[0]].Should().Be(5);
        queue.Messages.SentSeconds[slots[1]].Should().Be(0);
        queue.Messages.ReceiveCount[slots[1]].Should().Be(2);
    }

    [Test]
    public void A_message_received_max_receive_count_times_goes_to_the_dead_letter_queue_when_it_returns()
    {
        var (queue, outcomes) = RecordingOutcomes.NewQueue(Defaults with { VisibilityTimeout = SimDuration.FromSeconds(10), MaxReceiveCount = 2 });
        queue.Send(0, 100, 0);
        Span<int> slots = stackalloc int[1];
        queue.Receive(0, 1, long.MaxValue, slots);
        queue.ReturnDue(10);
        queue.Receive(10, 1, long.MaxValue, slots);
        queue.ReturnDue(20);

        (queue.DeadLettered, queue.Visible, queue.InFlight).Should().Be((1, 0, 0));
        outcomes.DeadLettered.Should().Equal((0.0, 20.0));
        queue.ShouldConserveMessages();
    }

    [Test]
    public void Messages_expire_oldest_first_at_the_end_of_retention_in_flight_or_not()
    {
        var (queue, outcomes) = RecordingOutcomes.NewQueue(Defaults with { RetentionPeriod = SimDuration.FromSeconds(60) });
        queue.Send(0, 100, 0);
        queue.Send(1, 100, 0);
        queue.Send(50, 100, 0);
        Span<int> slots = stackalloc int[1];
        queue.Receive(2, 1, long.MaxValue, slots);

        queue.NextExpirySeconds.Should().Be(60);
        queue.OldestSentSeconds.Should().Be(0);
        queue.ExpireDue(61);
        outcomes.Expired.Should().Equal((0.0, 61.0), (1.0, 61.0));
        (queue.Expired, queue.Visible, queue.InFlight).Should().Be((2, 1, 0));
        queue.OldestSentSeconds.Should().Be(50);
        queue.Delete(slots[0], queue.Messages.Version[slots[0]]).Should().BeFalse("it expired while in flight");
        queue.ShouldConserveMessages();
    }

    [Test]
    public void Messages_are_conserved_at_every_step_of_a_random_history()
    {
        var (queue, _) = RecordingOutcomes.NewQueue(Defaults with
        {
            VisibilityTimeout = SimDuration.FromSeconds(2), MaxReceiveCount = 3, RetentionPeriod = SimDuration.FromSeconds(20),
        });
        var held = new List<(int Slot, int Receipt)>();
        var slots = new int[20];
        queue.RunRandomHistory(7, (now, random) =>
        {
            switch (random.Next(4))
            {
                case 0:
                    queue.Send(now, 1 + random.Next(300_000), 0);
                    break;
                case 1:
                    var n = queue.Receive(now, 1 + random.Next(20), BatchingLimits.MaxPayloadBytes, slots);
                    held.AddRange(slots.Take(n).Select(s => (s, queue.Messages.Version[s])));
                    break;
                case 2 when held.Count > 0:
                    var pick = random.Next(held.Count);
                    queue.Delete(held[pick].Slot, held[pick].Receipt);
                    held.RemoveAt(pick);
                    break;
                default:
                    queue.ReturnDue(now);
                    break;
            }
        });

        queue.Deleted.Should().BePositive();
        queue.DeadLettered.Should().BePositive();
        queue.Expired.Should().BePositive();
    }
}
