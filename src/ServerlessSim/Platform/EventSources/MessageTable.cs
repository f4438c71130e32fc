namespace ServerlessSim.Platform.EventSources;

/// <summary>Where a message is: in the queue (visible), received and not yet deleted (in flight), or gone (the slot is free).</summary>
internal enum MessageState : byte
{
    Free,
    Visible,
    InFlight,
}

/// <summary>The messages (or stream records) of a run, in reusable parallel arrays indexed by slot.</summary>
/// <remarks>
/// Slots are reused once a message is gone, so the arrays grow to the peak number of messages held and no further.
/// <see cref="Version"/> changes at every move (received, returned, gone) and is never reset, so an entry remembered
/// with an older version (a receipt handle, a place in a ring) is recognisably stale.
/// </remarks>
internal sealed class MessageTable
{
    private int[] _free = new int[64];
    private int _freeCount;
    private int _highWater;

    public double[] SentSeconds = new double[64];
    public int[] SizeBytes = new int[64];
    public double[] CpuSeconds = new double[64];
    public double[] IoSeconds = new double[64];
    public int[] ReceiveCount = new int[64];
    public int[] Group = new int[64];
    public int[] Version = new int[64];
    public long[] Serial = new long[64];
    public int[] Next = new int[64];
    public bool[] Counted = new bool[64];
    public MessageState[] State = new MessageState[64];

    /// <summary>Messages held (visible or in flight).</summary>
    public int Live { get; private set; }

    public int Allocate()
    {
        Live++;
        if (_freeCount > 0)
        {
            return _free[--_freeCount];
        }

        var slot = _highWater++;
        if (slot == SentSeconds.Length)
        {
            var size = slot * 2;
            Array.Resize(ref SentSeconds, size);
            Array.Resize(ref SizeBytes, size);
            Array.Resize(ref CpuSeconds, size);
            Array.Resize(ref IoSeconds, size);
            Array.Resize(ref ReceiveCount, size);
            Array.Resize(ref Group, size);
            Array.Resize(ref Version, size);
            Array.Resize(ref Serial, size);
            Array.Resize(ref Next, size);
            Array.Resize(ref Counted, size);
            Array.Resize(ref State, size);
        }

        return slot;
    }

    public void Release(int slot)
    {
        Live--;
        State[slot] = MessageState.Free;
        Version[slot]++;
        Serial[slot] = -1;
        if (_freeCount == _free.Length)
        {
            Array.Resize(ref _free, _free.Length * 2);
        }

        _free[_freeCount++] = slot;
    }
}
