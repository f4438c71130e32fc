using System.Numerics;

namespace ServerlessSim.Engine;

/// <summary>The pending events of a run, totally ordered by time and then by insertion order.</summary>
/// <remarks>
/// <para>
/// A radix heap: a discrete-event queue is monotone (no event is added before the last one removed), so events are
/// kept in 64 buckets by the highest bit in which their time's IEEE-754 bits differ from the last removed time
/// (non-negative doubles order like their bit patterns). Adding an event is an append; removing the earliest takes
/// it from bucket 0 (events at exactly the last time) or, when that is empty, redistributes the lowest non-empty
/// bucket around its minimum, each event moving to a strictly lower bucket. An event moves at most 64 times over
/// its life, and in practice a few times: on the hold benchmark at 2,400 pending events it costs about two thirds of
/// the 4-ary heap it replaced, and it avoids the heap's unpredictable comparisons.
/// </para>
/// <para>
/// Ties in time are broken by insertion order, exactly: the events of bucket 0 all share one time, and the one
/// inserted first (lowest sequence) leaves first. No allocation per event once the buckets have grown to the run's
/// peak. Not thread-safe: one queue belongs to one run.
/// </para>
/// </remarks>
public sealed class EventQueue
{
    private const int BucketCount = 65;
    private readonly ScheduledEvent[][] _buckets = new ScheduledEvent[BucketCount][];
    private readonly int[] _sizes = new int[BucketCount];
    private ulong _nonEmpty;
    private ulong _lastKey;
    private double _lastTime;
    private long _nextSequence;
    private int _count;
    private int _minBucket = -1;
    private int _minIndex;

    /// <summary>An empty queue; each bucket starts with room for <paramref name="initialBucketCapacity"/> events.</summary>
    public EventQueue(int initialBucketCapacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialBucketCapacity, 1);
        for (var i = 0; i < BucketCount; i++)
        {
            _buckets[i] = new ScheduledEvent[initialBucketCapacity];
        }
    }

    /// <summary>How many events are pending.</summary>
    public int Count => _count;

    /// <summary>How many events were ever scheduled.</summary>
    public long ScheduledTotal => _nextSequence;

    /// <summary>Adds an event at <paramref name="timeSeconds"/> (seconds since the start of the run).</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A kind outside 0..255, a NaN or negative time, or a time before the last event removed (the queue is monotone).
    /// </exception>
    public void Enqueue(double timeSeconds, int kind, int target, int tag = 0) => Enqueue(Create(timeSeconds, kind, target, tag));

    /// <summary>The earliest pending event, without removing it.</summary>
    /// <exception cref="InvalidOperationException">The queue is empty.</exception>
    public ref readonly ScheduledEvent Peek()
    {
        LocateMin();
        return ref _buckets[_minBucket][_minIndex];
    }

    /// <summary>Removes and returns the earliest pending event.</summary>
    /// <exception cref="InvalidOperationException">The queue is empty.</exception>
    public ScheduledEvent Dequeue()
    {
        LocateMin();
        if (_minBucket != 0)
        {
            // Make the minimum's time the new base: its bucket's events all move down, the minimum to bucket 0.
            var bucket = _minBucket;
            var items = _buckets[bucket];
            var size = _sizes[bucket];
            _lastTime = items[_minIndex].TimeSeconds;
            _lastKey = KeyOf(_lastTime);
            _sizes[bucket] = 0;
            _nonEmpty &= ~(1UL << bucket);
            for (var i = 0; i < size; i++)
            {
                Append(BucketOf(KeyOf(items[i].TimeSeconds)), in items[i]);
            }

            _minBucket = -1;
            LocateMin();
        }

        var zero = _buckets[0];
        var top = zero[_minIndex];
        var last = --_sizes[0];
        zero[_minIndex] = zero[last];
        if (last == 0)
        {
            _nonEmpty &= ~1UL;
        }

        _count--;
        _minBucket = -1;
        return top;
    }

    /// <summary>Removes every pending event; the insertion counter keeps counting.</summary>
    public void Clear()
    {
        Array.Clear(_sizes);
        _nonEmpty = 0;
        _count = 0;
        _minBucket = -1;
    }

    /// <summary>An event stamped with the next insertion sequence, not yet in the queue.</summary>
    internal ScheduledEvent Create(double timeSeconds, int kind, int target, int tag)
    {
        if ((uint)kind > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "An event kind must be in 0..255.");
        }

        if (!(timeSeconds >= _lastTime))
        {
            throw new ArgumentOutOfRangeException(
                nameof(timeSeconds), timeSeconds, $"An event time must be a number no earlier than the last event removed ({_lastTime} s).");
        }

        return new ScheduledEvent(timeSeconds, _nextSequence++, kind, target, tag);
    }

    /// <summary>Adds an event made by <see cref="Create"/>.</summary>
    internal void Enqueue(in ScheduledEvent item)
    {
        var bucket = BucketOf(KeyOf(item.TimeSeconds));
        var index = _sizes[bucket];
        Append(bucket, in item);
        _count++;
        if (_minBucket >= 0 && item.Precedes(in _buckets[_minBucket][_minIndex]))
        {
            _minBucket = bucket;
            _minIndex = index;
        }
    }

    // Adding 0.0 turns -0.0 into +0.0, whose bits are 0: non-negative doubles then order like their bits.
    private static ulong KeyOf(double timeSeconds) => BitConverter.DoubleToUInt64Bits(timeSeconds + 0.0);

    private int BucketOf(ulong key) => key == _lastKey ? 0 : 64 - BitOperations.LeadingZeroCount(key ^ _lastKey);

    private void Append(int bucket, in ScheduledEvent item)
    {
        var size = _sizes[bucket];
        if (size == _buckets[bucket].Length)
        {
            Array.Resize(ref _buckets[bucket], size * 2);
        }

        _buckets[bucket][size] = item;
        _sizes[bucket] = size + 1;
        _nonEmpty |= 1UL << bucket;
    }

    // Finds (and caches until the next change) the earliest event: in bucket 0 if any (all share the base time,
    // so the lowest sequence), else the earliest of the lowest non-empty bucket.
    private void LocateMin()
    {
        if (_minBucket >= 0)
        {
            return;
        }

        if (_count == 0)
        {
            throw new InvalidOperationException("The event queue is empty.");
        }

        var bucket = BitOperations.TrailingZeroCount(_nonEmpty);
        var items = _buckets[bucket];
        var size = _sizes[bucket];
        var best = 0;
        for (var i = 1; i < size; i++)
        {
            if (items[i].Precedes(in items[best]))
            {
                best = i;
            }
        }

        _minBucket = bucket;
        _minIndex = best;
    }
}
