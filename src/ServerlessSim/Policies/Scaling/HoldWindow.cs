namespace ServerlessSim.Policies.Scaling;

/// <summary>The largest value recorded over the last span of time: a scale-down delay (Knative's delay window).</summary>
/// <remarks>
/// A monotonic deque of (time, value): each record drops the smaller values before it, so the head is the maximum
/// and a record costs O(1) amortised. E.g. span 60 s, records 5 at 0 s, 3 at 30 s: 5 until 60 s, then 3.
/// </remarks>
internal sealed class HoldWindow(double spanSeconds)
{
    private double[] _times = new double[16];
    private int[] _values = new int[16];
    private int _head;
    private int _count;

    /// <summary>Records <paramref name="value"/> at <paramref name="nowSeconds"/>; returns the largest value recorded in (now - span, now].</summary>
    public int Record(double nowSeconds, int value)
    {
        if (spanSeconds <= 0)
        {
            return value;
        }

        while (_count > 0 && _times[_head] <= nowSeconds - spanSeconds)
        {
            _head = (_head + 1) % _times.Length;
            _count--;
        }

        while (_count > 0 && _values[(_head + _count - 1) % _values.Length] <= value)
        {
            _count--;
        }

        if (_count == _times.Length)
        {
            Grow();
        }

        var tail = (_head + _count) % _times.Length;
        _times[tail] = nowSeconds;
        _values[tail] = value;
        _count++;
        return _values[_head];
    }

    private void Grow()
    {
        var times = new double[_times.Length * 2];
        var values = new int[_values.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            times[i] = _times[(_head + i) % _times.Length];
            values[i] = _values[(_head + i) % _values.Length];
        }

        (_times, _values, _head) = (times, values, 0);
    }
}
