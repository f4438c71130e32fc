namespace ServerlessSim.Platform.Pool;

/// <summary>Requests waiting for a free slot in arrival order (Knative's activator, Cloud Run's pending requests): a ring buffer of request slots.</summary>
/// <remarks>
/// Every request waits at most the same timeout from its arrival, so the oldest always times out first and one timer
/// on the head serves the whole queue. Grows to the peak length and no further.
/// </remarks>
internal sealed class FrontQueue
{
    private int[] _requests = new int[16];
    private int _head;

    public int Count { get; private set; }

    /// <summary>The oldest waiting request (the queue must not be empty).</summary>
    public int Head => _requests[_head];

    public void Enqueue(int request)
    {
        if (Count == _requests.Length)
        {
            var grown = new int[Count * 2];
            for (var i = 0; i < Count; i++)
            {
                grown[i] = _requests[(_head + i) % _requests.Length];
            }

            (_requests, _head) = (grown, 0);
        }

        _requests[(_head + Count) % _requests.Length] = request;
        Count++;
    }

    public int Dequeue()
    {
        var request = _requests[_head];
        _head = (_head + 1) % _requests.Length;
        Count--;
        return request;
    }
}
