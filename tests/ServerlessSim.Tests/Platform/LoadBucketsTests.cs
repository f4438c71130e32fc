using ServerlessSim.Platform;

namespace ServerlessSim.Tests.Platform;

public class LoadBucketsTests
{
    [TestCase(1)]
    [TestCase(63)]
    [TestCase(64)]
    [TestCase(65)]
    [TestCase(200)]
    public void Lowest_and_highest_non_empty_loads_are_found_across_bitmap_words(int capacity)
    {
        var buckets = new LoadBuckets(capacity);
        buckets.EnsureInstances(10);
        buckets.LowestNonEmpty().Should().Be(-1);
        buckets.HighestNonEmpty().Should().Be(-1);

        var loads = new[] { 0, capacity / 2, capacity - 1 }.Distinct().ToArray();
        for (var i = 0; i < loads.Length; i++)
        {
            buckets.AddFirst(i, loads[i]);
        }

        buckets.LowestNonEmpty().Should().Be(0);
        buckets.HighestNonEmpty().Should().Be(capacity - 1);
        buckets.LowestNonEmpty(1).Should().Be(loads.Length > 1 ? loads[1] : -1);
        buckets.Remove(0, 0);
        buckets.LowestNonEmpty().Should().Be(loads.Length > 1 ? loads[1] : -1);
    }

    [Test]
    public void Each_group_keeps_recency_order_head_newest_tail_oldest()
    {
        var buckets = new LoadBuckets(4);
        buckets.EnsureInstances(8);
        buckets.AddFirst(1, 0);
        buckets.AddFirst(2, 0);
        buckets.AddFirst(3, 0);

        buckets.Head(0).Should().Be(3);
        buckets.Tail(0).Should().Be(1);
        buckets.Remove(1, 0);
        buckets.Tail(0).Should().Be(2);
        buckets.Remove(3, 0);
        buckets.Head(0).Should().Be(2);
        buckets.CountAt(0).Should().Be(1);
    }
}
