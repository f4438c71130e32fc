using ServerlessSim.Engine;
using ServerlessSim.Platform.EventSources;
using ServerlessSim.Policies.Batching;

namespace ServerlessSim.Tests.Platform.EventSources;

public class FifoSqsQueueTests
{
    private static readonly SqsQueueOptions Fifo = new() { Fifo = true, MessageGroups = 3, VisibilityTimeout = SimDuration.FromSeconds(10) };

    private static (SqsQueue Queue, RecordingOutcomes Outcomes) NewQueue(SqsQueueOptions? options = null) => RecordingOutcomes.NewQueue(options ?? Fifo);

    private static double[] Received(SqsQueue queue, double now, int max, List<(int Slot, int Receipt)>? held = null)
    {
        var slots = new int[max];
        var n = queue.Receive(now, max, long.MaxValue, slots);
        held?.AddRange(slots.Take(n).Select(s => (s, queue.Messages.Version[s])));
        return slots.Take(n).Select(s => queue.Messages.SentSeconds[s]).ToArray();
    }

    [Test]
    public void A_batch_takes_whole_groups_in_order_and_a_group_in_flight_gives_nothing_more()
    {
        var (queue, _) = NewQueue();
        queue.Send(0, 100, group: 0);
        queue.Send(1, 100, group: 1);
        queue.Send(2, 100, group: 0);
        queue.Send(3, 100, group: 1);

        Received(queue, 5, 3).Should().Equal([0, 2, 1], "group 0's two messages in order, then group 1's first");
        Received(queue, 5, 10).Should().BeEmpty("both groups have messages in flight");
        queue.Visible.Should().Be(1);
        ((FifoSqsQueue)queue).GroupsInFlight.Should().Be(2);
        queue.ShouldConserveMessages();
    }

    [Test]
    public void A_group_is_available_again_once_its_in_flight_messages_are_deleted()
    {
        var (queue, _) = NewQueue();
        queue.Send(0, 100, group: 2);
        queue.Send(1, 100, group: 2);
        var held = new List<(int Slot, int Receipt)>();
        Received(queue, 1, 1, held).Should().Equal(0.0);
        queue.Send(2, 100, group: 2);
        Received(queue, 2, 10).Should().BeEmpty();

        queue.Delete(held[0].Slot, held[0].Receipt).Should().BeTrue();
        Received(queue, 3, 10).Should().Equal([1, 2], "the rest of the group, in order");
    }

    [Test]
    public void A_returned_batch_is_received_again_before_the_rest_of_its_group()
    {
        var (queue, _) = NewQueue();
        queue.Send(0, 100, group: 0);
        queue.Send(1, 100, group: 0);
        Received(queue, 0, 1).Should().Equal(0.0);
        queue.Send(2, 100, group: 0);

        queue.ReturnDue(10);
        Received(queue, 10, 10).Should().Equal([0, 1, 2], "order within the group holds across a return");
    }

    [Test]
    public void A_message_dead_lettered_out_of_a_group_frees_the_group_for_the_next()
    {
        var (queue, outcomes) = NewQueue(Fifo with { MaxReceiveCount = 1 });
        queue.Send(0, 100, group: 1);
        queue.Send(1, 100, group: 1);
        Received(queue, 0, 1).Should().Equal(0.0);

        queue.ReturnDue(10);
        outcomes.DeadLettered.Should().Equal((0.0, 10.0));
        Received(queue, 10, 10).Should().Equal(1.0);
        queue.ShouldConserveMessages();
    }

    [Test]
    public void Messages_are_conserved_and_groups_stay_in_order_over_a_random_history()
    {
        var (queue, _) = NewQueue(Fifo with { MessageGroups = 5, MaxReceiveCount = 4, RetentionPeriod = SimDuration.FromSeconds(40) });
        var held = new List<(int Slot, int Receipt)>();
        var lastProcessed = Enumerable.Repeat(-1.0, 5).ToArray();
        queue.RunRandomHistory(11, (now, random) =>
        {
            switch (random.Next(4))
            {
                case 0:
                    queue.Send(now, 100, random.Next(5));
                    break;
                case 1:
                    Received(queue, now, 1 + random.Next(10), held);
                    break;
                case 2 when held.Count > 0:
                    // Deletes go in receive order, as a FIFO handler processes its batch.
                    var (slot, receipt) = held[0];
                    var group = queue.Messages.Group[slot];
                    var sent = queue.Messages.SentSeconds[slot];
                    if (queue.Delete(slot, receipt))
                    {
                        sent.Should().BeGreaterThan(lastProcessed[group], "a group's messages are processed in the order sent");
                        lastProcessed[group] = sent;
                    }

                    held.RemoveAt(0);
                    break;
                default:
                    queue.ReturnDue(now);
                    break;
            }
        });

        queue.Deleted.Should().BePositive();
    }
}
