namespace ServerlessSim.Platform.EventSources;

/// <summary>A first-in first-out ring buffer of values that grows to its peak length and no further.</summary>
/// <remarks>No allocation once grown: entries are structs stored in place. Not thread-safe.</remarks>
internal sealed class ValueRing<T>
    where T : struct
{
    private T[] _items = new T[16];
    private int _head;

    public int Count { get; private set; }

    /// <summary>The oldest entry (the ring must not be empty).</summary>
    public ref readonly T Head => ref _items[_head];

    public void Enqueue(in T item)
    {
        if (Count == _items.Length)
        {
            var grown = new T[Count * 2];
            var firstPart = _items.Length - _head;
            Array.Copy(_items, _head, grown, 0, firstPart);
            Array.Copy(_items, 0, grown, firstPart, _head);
            (_items, _head) = (grown, 0);
        }

        var tail = _head + Count;
        _items[tail >= _items.Length ? tail - _items.Length : tail] = item;
        Count++;
    }

    public T Dequeue()
    {
        var item = _items[_head];
        _head = _head + 1 == _items.Length ? 0 : _head + 1;
        Count--;
        return item;
    }
}
