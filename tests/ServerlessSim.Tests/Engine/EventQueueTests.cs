using ServerlessSim.Engine;

namespace ServerlessSim.Tests.Engine;

public class EventQueueTests
{
    [Test]
    public void Dequeues_by_time_then_insertion_order()
    {
        var queue = new EventQueue(2);
        queue.Enqueue(2.0, kind: 1, target: 10);
        queue.Enqueue(1.0, kind: 2, target: 20);
        queue.Enqueue(2.0, kind: 3, target: 30);
        queue.Enqueue(1.0, kind: 4, target: 40);
        queue.Enqueue(0.5, kind: 5, target: 50);

        var order = new List<int>();
        while (queue.Count > 0)
        {
            order.Add(queue.Dequeue().Target);
        }

        order.Should().Equal(50, 20, 40, 10, 30);
    }

    [Test]
    public void Keeps_kind_target_and_tag()
    {
        var queue = new EventQueue();
        queue.Enqueue(3.5, kind: 255, target: int.MaxValue, tag: -7);

        var e = queue.Dequeue();

        e.Kind.Should().Be(255);
        e.Target.Should().Be(int.MaxValue);
        e.Tag.Should().Be(-7);
        e.TimeSeconds.Should().Be(3.5);
        e.Sequence.Should().Be(0);
    }

    [Test]
    public void Orders_many_random_events_like_a_sort_by_time_then_sequence()
    {
        var random = new Random(1234);
        var queue = new EventQueue(1);
        var expected = new List<(double Time, int Index)>();
        for (var i = 0; i < 10_000; i++)
        {
            var time = Math.Round(random.NextDouble() * 100, 1); // many ties
            queue.Enqueue(time, kind: 0, target: i);
            expected.Add((time, i));
        }

        var actual = new List<int>();
        while (queue.Count > 0)
        {
            actual.Add(queue.Dequeue().Target);
        }

        actual.Should().Equal(expected.OrderBy(e => e.Time).ThenBy(e => e.Index).Select(e => e.Index));
    }

    [Test]
    public void Interleaved_adds_and_removals_match_a_sort_by_time_then_insertion()
    {
        // Ties at the current time and bursts of later events, as a simulation produces them.
        var random = new Random(99);
        var queue = new EventQueue(1);
        var pending = new SortedSet<(double Time, int Index)>();
        var next = 0;
        var now = 0.0;
        for (var step = 0; step < 50_000; step++)
        {
            for (var k = random.Next(3); k >= 0 && pending.Count < 2_000; k--)
            {
                var time = random.Next(4) == 0 ? now : now + Math.Round(random.NextDouble() * 3, 2);
                queue.Enqueue(time, kind: 0, target: next);
                pending.Add((time, next++));
            }

            var expected = pending.Min;
            pending.Remove(expected);
            var actual = queue.Dequeue();
            (actual.TimeSeconds, actual.Target).Should().Be(expected);
            now = actual.TimeSeconds;
        }
    }

    [Test]
    public void Refuses_an_event_before_the_last_one_removed_because_the_queue_is_monotone()
    {
        var queue = new EventQueue();
        queue.Enqueue(5.0, 0, 1);
        queue.Enqueue(7.0, 0, 2);
        queue.Dequeue();

        FluentActions.Invoking(() => queue.Enqueue(4.0, 0, 3))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*no earlier than the last event removed (5 s)*");
        queue.Enqueue(5.0, 0, 4);
        queue.Dequeue().Target.Should().Be(4);
    }

    [Test]
    public void Negative_zero_is_time_zero()
    {
        var queue = new EventQueue();
        queue.Enqueue(1.0, 0, 1);
        queue.Enqueue(-0.0, 0, 2);

        queue.Dequeue().Target.Should().Be(2);
        queue.Dequeue().Target.Should().Be(1);
    }

    [TestCase(-1)]
    [TestCase(256)]
    public void Rejects_a_kind_outside_0_to_255(int kind)
    {
        var act = () => new EventQueue().Enqueue(1, kind, 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*0..255*");
    }

    [Test]
    public void Rejects_a_NaN_or_negative_time()
    {
        FluentActions.Invoking(() => new EventQueue().Enqueue(double.NaN, 0, 0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new EventQueue().Enqueue(-1, 0, 0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Dequeue_on_empty_queue_says_so() =>
        FluentActions.Invoking(() => new EventQueue().Dequeue()).Should().Throw<InvalidOperationException>().WithMessage("*empty*");
}
