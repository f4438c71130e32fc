namespace ServerlessSim.Platform.Pool;

/// <summary>Instances with a deadline (an idle environment's expiry, an environment's end of life), earliest first.</summary>
/// <remarks>
/// An indexed binary min-heap: setting, moving or removing an instance's deadline is O(log n), the earliest is O(1),
/// and each instance knows its place, so an environment that is used again leaves the heap at once instead of
/// leaving a stale timer behind. With it a function needs one pending event for all its deadlines, not one each.
/// </remarks>
internal sealed class DeadlineHeap
{
    private const int Absent = -1;
    private int[] _heap = new int[16];
    private double[] _time = new double[16];
    private int[] _position = Enumerable.Repeat(Absent, 16).ToArray();

    public int Count { get; private set; }

    /// <summary>The earliest deadline, or +infinity if none.</summary>
    public double EarliestSeconds => Count == 0 ? double.PositiveInfinity : _time[_heap[0]];

    /// <summary>The instance with the earliest deadline (the heap must not be empty).</summary>
    public int Earliest => _heap[0];

    public bool Contains(int instance) => instance < _position.Length && _position[instance] != Absent;

    public double DeadlineOf(int instance) => _time[instance];

    /// <summary>Gives the instance a deadline, or moves it.</summary>
    public void Set(int instance, double seconds)
    {
        EnsureInstance(instance);
        _time[instance] = seconds;
        var position = _position[instance];
        if (position == Absent)
        {
            if (Count == _heap.Length)
            {
                Array.Resize(ref _heap, Count * 2);
            }

            _heap[Count] = instance;
            _position[instance] = Count;
            Count++;
            SiftUp(Count - 1);
            return;
        }

        SiftUp(position);
        SiftDown(_position[instance]);
    }

    /// <summary>Removes the instance's deadline, if it has one.</summary>
    public void Remove(int instance)
    {
        if (!Contains(instance))
        {
            return;
        }

        var position = _position[instance];
        _position[instance] = Absent;
        Count--;
        if (position == Count)
        {
            return;
        }

        var last = _heap[Count];
        _heap[position] = last;
        _position[last] = position;
        SiftUp(position);
        SiftDown(_position[last]);
    }

    private void SiftUp(int position)
    {
        var instance = _heap[position];
        var time = _time[instance];
        while (position > 0)
        {
            var parent = (position - 1) >> 1;
            if (_time[_heap[parent]] <= time)
            {
                break;
            }

            Place(_heap[parent], position);
            position = parent;
        }

        Place(instance, position);
    }

    private void SiftDown(int position)
    {
        var instance = _heap[position];
        var time = _time[instance];
        while (true)
        {
            var child = (2 * position) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && _time[_heap[child + 1]] < _time[_heap[child]])
            {
                child++;
            }

            if (_time[_heap[child]] >= time)
            {
                break;
            }

            Place(_heap[child], position);
            position = child;
        }

        Place(instance, position);
    }

    private void Place(int instance, int position)
    {
        _heap[position] = instance;
        _position[instance] = position;
    }

    private void EnsureInstance(int instance)
    {
        if (instance >= _position.Length)
        {
            var size = Math.Max(instance + 1, _position.Length * 2);
            var old = _position.Length;
            Array.Resize(ref _position, size);
            Array.Fill(_position, Absent, old, size - old);
            Array.Resize(ref _time, size);
        }
    }
}
