using System.Numerics;

namespace ServerlessSim.Platform;

/// <summary>The instances of a pool that can take a request now (ready, not draining, a free slot), by slot number.</summary>
/// <remarks>
/// Two views of one set, both O(1) to update: a dense array for uniform random picks (power of two choices) and a
/// two-level bitmap for the next member at or after a slot (first available, round robin): one word covers 64 slots
/// and one summary word 4,096, so a search costs O(instances / 4,096) words.
/// </remarks>
internal sealed class AvailableInstances
{
    private const int None = -1;
    private ulong[] _bits = new ulong[1];
    private ulong[] _summary = new ulong[1];
    private int[] _dense = new int[16];
    private int[] _position = new int[64];

    public int Count { get; private set; }

    /// <summary>The <paramref name="index"/>-th member (0..Count-1) in an arbitrary but deterministic order.</summary>
    public int At(int index) => _dense[index];

    public bool Contains(int instance) => instance >> 6 < _bits.Length && ((_bits[instance >> 6] >> (instance & 63)) & 1) != 0;

    /// <summary>Makes the set hold <paramref name="instance"/> exactly when <paramref name="available"/>.</summary>
    public void Set(int instance, bool available)
    {
        if (available == Contains(instance))
        {
            return;
        }

        if (available)
        {
            Add(instance);
        }
        else
        {
            Remove(instance);
        }
    }

    /// <summary>The smallest member at or after slot <paramref name="from"/>, or -1.</summary>
    public int NextFrom(int from)
    {
        var word = from >> 6;
        if (word >= _bits.Length)
        {
            return None;
        }

        var bits = _bits[word] & (ulong.MaxValue << (from & 63));
        if (bits != 0)
        {
            return (word << 6) + BitOperations.TrailingZeroCount(bits);
        }

        // The next non-empty word, from the summary.
        var next = word + 1;
        for (var s = next >> 6; s < _summary.Length; s++)
        {
            var summary = _summary[s];
            if (s == next >> 6)
            {
                summary &= (next & 63) == 0 ? ulong.MaxValue : ulong.MaxValue << (next & 63);
            }

            if (summary != 0)
            {
                var w = (s << 6) + BitOperations.TrailingZeroCount(summary);
                return (w << 6) + BitOperations.TrailingZeroCount(_bits[w]);
            }
        }

        return None;
    }

    /// <summary>The first member after slot <paramref name="instance"/>, wrapping round to the smallest; -1 if empty.</summary>
    public int NextAfter(int instance)
    {
        var next = NextFrom(instance + 1);
        return next >= 0 ? next : NextFrom(0);
    }

    private void Add(int instance)
    {
        EnsureCapacity(instance);
        var word = instance >> 6;
        if (_bits[word] == 0)
        {
            _summary[word >> 6] |= 1UL << (word & 63);
        }

        _bits[word] |= 1UL << (instance & 63);
        if (Count == _dense.Length)
        {
            Array.Resize(ref _dense, Count * 2);
        }

        _dense[Count] = instance;
        _position[instance] = Count++;
    }

    private void Remove(int instance)
    {
        var word = instance >> 6;
        _bits[word] &= ~(1UL << (instance & 63));
        if (_bits[word] == 0)
        {
            _summary[word >> 6] &= ~(1UL << (word & 63));
        }

        // Swap the last member into the hole.
        var index = _position[instance];
        var last = _dense[--Count];
        _dense[index] = last;
        _position[last] = index;
    }

    private void EnsureCapacity(int instance)
    {
        if (instance >= _position.Length)
        {
            Array.Resize(ref _position, Math.Max(instance + 1, _position.Length * 2));
        }

        var words = (instance >> 6) + 1;
        if (words > _bits.Length)
        {
            Array.Resize(ref _bits, Math.Max(words, _bits.Length * 2));
            Array.Resize(ref _summary, (_bits.Length + 63) >> 6);
        }
    }
}
