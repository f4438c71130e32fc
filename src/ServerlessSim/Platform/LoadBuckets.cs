using System.Numerics;

namespace ServerlessSim.Platform;

/// <summary>Instances grouped by load 0..Capacity-1, each group an intrusive doubly-linked list (head = most recent).</summary>
/// <remarks>
/// Every operation is O(1) except the lowest/highest non-empty group, which scans a bitmap: O(K / 64) words, one
/// word for K = 1..64. The idle group (load 0) is ordered by when each instance went idle, so its tail is the
/// oldest and expires first: that replaces one timer per idle period with one per function.
/// </remarks>
internal sealed class LoadBuckets
{
    private const int None = -1;
    private readonly int[] _head;
    private readonly int[] _tail;
    private readonly int[] _count;
    private readonly ulong[] _nonEmpty;
    private int[] _prev = [];
    private int[] _next = [];

    public LoadBuckets(int capacity)
    {
        Capacity = capacity;
        _head = Enumerable.Repeat(None, capacity).ToArray();
        _tail = Enumerable.Repeat(None, capacity).ToArray();
        _count = new int[capacity];
        _nonEmpty = new ulong[(capacity + 63) / 64];
    }

    public int Capacity { get; }

    public void EnsureInstances(int instances)
    {
        if (_prev.Length < instances)
        {
            var size = Math.Max(instances, _prev.Length * 2);
            Array.Resize(ref _prev, size);
            Array.Resize(ref _next, size);
        }
    }

    public int CountAt(int load) => _count[load];

    public int Head(int load) => _head[load];

    public int Tail(int load) => _tail[load];

    /// <summary>The instance after <paramref name="instance"/> in its group (towards the tail), or -1 at the tail.</summary>
    public int Next(int instance) => _next[instance];

    public void AddFirst(int instance, int load)
    {
        var oldHead = _head[load];
        _prev[instance] = None;
        _next[instance] = oldHead;
        if (oldHead == None)
        {
            _tail[load] = instance;
            _nonEmpty[load >> 6] |= 1UL << (load & 63);
        }
        else
        {
            _prev[oldHead] = instance;
        }

        _head[load] = instance;
        _count[load]++;
    }

    public void Remove(int instance, int load)
    {
        var prev = _prev[instance];
        var next = _next[instance];
        if (prev == None)
        {
            _head[load] = next;
        }
        else
        {
            _next[prev] = next;
        }

        if (next == None)
        {
            _tail[load] = prev;
        }
        else
        {
            _prev[next] = prev;
        }

        if (--_count[load] == 0)
        {
            _nonEmpty[load >> 6] &= ~(1UL << (load & 63));
        }
    }

    public int LowestNonEmpty(int fromLoad = 0)
    {
        for (var word = fromLoad >> 6; word < _nonEmpty.Length; word++)
        {
            var bits = _nonEmpty[word];
            if (word == fromLoad >> 6)
            {
                bits &= ulong.MaxValue << (fromLoad & 63);
            }

            if (bits != 0)
            {
                return (word << 6) + BitOperations.TrailingZeroCount(bits);
            }
        }

        return None;
    }

    public int HighestNonEmpty()
    {
        for (var word = _nonEmpty.Length - 1; word >= 0; word--)
        {
            if (_nonEmpty[word] != 0)
            {
                return (word << 6) + 63 - BitOperations.LeadingZeroCount(_nonEmpty[word]);
            }
        }

        return None;
    }
}
