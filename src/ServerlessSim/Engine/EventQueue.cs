namespace ServerlessSim.Engine;

/// <summary>The pending events of a run, totally ordered by time and then by insertion order.</summary>
/// <remarks>
/// A 4-ary min-heap over an array of <see cref="ScheduledEvent"/> values: no allocation per event once the array
/// has grown to the run's peak (about live instances plus in-flight requests). A 4-ary heap halves the depth of a
/// binary one (log4 of 1,000 entries is 5 levels instead of 10) and its four children share a cache line or two.
/// Not thread-safe: one queue belongs to one run.
/// </remarks>
public sealed class EventQueue
{
    private ScheduledEvent[] _heap;
    private int _count;
    private long _nextSequence;

    /// <summary>An empty queue with room for <paramref name="initialCapacity"/> events before it grows.</summary>
    public EventQueue(int initialCapacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialCapacity, 1);
        _heap = new ScheduledEvent[initialCapacity];
    }

    /// <summary>How many events are pending.</summary>
    public int Count => _count;

    /// <summary>How many events were ever scheduled.</summary>
    public long ScheduledTotal => _nextSequence;

    /// <summary>Adds an event at <paramref name="timeSeconds"/> (seconds since the start of the run).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A kind outside 0..255, or a NaN time.</exception>
    public void Enqueue(double timeSeconds, int kind, int target, int tag = 0) => Enqueue(Create(timeSeconds, kind, target, tag));

    /// <summary>An event stamped with the next insertion sequence, not yet in the queue.</summary>
    internal ScheduledEvent Create(double timeSeconds, int kind, int target, int tag)
    {
        if ((uint)kind > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "An event kind must be in 0..255.");
        }

        if (double.IsNaN(timeSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(timeSeconds), timeSeconds, "An event time must be a number.");
        }

        return new ScheduledEvent(timeSeconds, _nextSequence++, kind, target, tag);
    }

    /// <summary>Adds an event made by <see cref="Create"/>.</summary>
    internal void Enqueue(in ScheduledEvent item)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        SiftUp(_count++, item);
    }

    /// <summary>The earliest pending event, without removing it.</summary>
    /// <exception cref="InvalidOperationException">The queue is empty.</exception>
    public ref readonly ScheduledEvent Peek()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("The event queue is empty.");
        }

        return ref _heap[0];
    }

    /// <summary>Removes and returns the earliest pending event.</summary>
    /// <exception cref="InvalidOperationException">The queue is empty.</exception>
    public ScheduledEvent Dequeue()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("The event queue is empty.");
        }

        var top = _heap[0];
        var last = _heap[--_count];
        if (_count > 0)
        {
            SiftDown(0, last);
        }

        return top;
    }

    /// <summary>Removes every pending event; the insertion counter keeps counting.</summary>
    public void Clear() => _count = 0;

    private void SiftUp(int index, ScheduledEvent item)
    {
        var heap = _heap;
        while (index > 0)
        {
            var parent = (index - 1) >> 2;
            if (!item.Precedes(in heap[parent]))
            {
                break;
            }

            heap[index] = heap[parent];
            index = parent;
        }

        heap[index] = item;
    }

    private void SiftDown(int index, ScheduledEvent item)
    {
        var heap = _heap;
        var count = _count;
        while (true)
        {
            var first = (index << 2) + 1;
            if (first >= count)
            {
                break;
            }

            var best = first;
            var end = Math.Min(first + 4, count);
            for (var child = first + 1; child < end; child++)
            {
                if (heap[child].Precedes(in heap[best]))
                {
                    best = child;
                }
            }

            if (!heap[best].Precedes(in item))
            {
                break;
            }

            heap[index] = heap[best];
            index = best;
        }

        heap[index] = item;
    }
}
