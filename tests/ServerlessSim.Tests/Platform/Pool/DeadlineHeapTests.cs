using CsCheck;
using ServerlessSim.Platform;
using ServerlessSim.Platform.Pool;

namespace ServerlessSim.Tests.Platform.Pool;

public class DeadlineHeapTests
{
    [Test]
    public void The_earliest_is_always_the_smallest_deadline_held_through_sets_moves_and_removals() =>
        Gen.Select(Gen.Int[0, 40], Gen.Double[0, 100], Gen.Bool).Array[1, 300].Sample(operations =>
        {
            var heap = new DeadlineHeap();
            var reference = new Dictionary<int, double>();
            foreach (var (instance, time, remove) in operations)
            {
                if (remove)
                {
                    heap.Remove(instance);
                    reference.Remove(instance);
                }
                else
                {
                    heap.Set(instance, time);
                    reference[instance] = time;
                }

                heap.Count.Should().Be(reference.Count);
                heap.EarliestSeconds.Should().Be(reference.Count == 0 ? double.PositiveInfinity : reference.Values.Min());
                if (reference.Count > 0)
                {
                    reference[heap.Earliest].Should().Be(heap.EarliestSeconds);
                }
            }
        });

    [Test]
    public void Removing_an_instance_without_a_deadline_does_nothing()
    {
        var heap = new DeadlineHeap();
        heap.Set(3, 5);

        heap.Remove(7);
        heap.Remove(1000);

        heap.Count.Should().Be(1);
        heap.Contains(3).Should().BeTrue();
    }
}
