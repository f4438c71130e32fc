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

    [TestCase(-1)]
    [TestCase(256)]
    public void Rejects_a_kind_outside_0_to_255(int kind)
    {
        var act = () => new EventQueue().Enqueue(1, kind, 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*0..255*");
    }

    [Test]
    public void Rejects_a_NaN_time() =>
        FluentActions.Invoking(() => new EventQueue().Enqueue(double.NaN, 0, 0)).Should().Throw<ArgumentOutOfRangeException>();

    [Test]
    public void Dequeue_on_empty_queue_says_so() =>
        FluentActions.Invoking(() => new EventQueue().Dequeue()).Should().Throw<InvalidOperationException>().WithMessage("*empty*");
}
