namespace ServerlessSim.Platform.EventSources;

/// <summary>The batches an event source is processing (invoked, or waiting to retry a throttled invocation), in reusable arrays indexed by batch id.</summary>
/// <remarks>
/// A batch id's message arrays are allocated the first time the id is used, at the batch size, and reused by every
/// later batch with that id, so memory follows the most batches ever in process at once. Ids are reused once a batch
/// ends. Not thread-safe.
/// </remarks>
internal sealed class BatchTable
{
    private readonly int _capacity;
    private int[] _free = new int[16];
    private int _freeCount;
    private int _highWater;

    public BatchTable(int batchSize) => _capacity = batchSize;

    public int[][] Slots = new int[16][];
    public int[][] Receipts = new int[16][];
    public int[] Count = new int[16];
    public double[] OpenedSeconds = new double[16];
    public double[] CpuSeconds = new double[16];
    public double[] IoSeconds = new double[16];
    public int[] Attempts = new int[16];
    public bool[] Counted = new bool[16];

    /// <summary>Batches in process.</summary>
    public int InProcess { get; private set; }

    /// <summary>A batch id for the <paramref name="slots"/> and <paramref name="receipts"/> of a batch opened at <paramref name="openedSeconds"/>.</summary>
    public int Add(ReadOnlySpan<int> slots, ReadOnlySpan<int> receipts, double openedSeconds)
    {
        InProcess++;
        int id;
        if (_freeCount > 0)
        {
            id = _free[--_freeCount];
        }
        else
        {
            id = _highWater++;
            if (id == Count.Length)
            {
                var size = id * 2;
                Array.Resize(ref Slots, size);
                Array.Resize(ref Receipts, size);
                Array.Resize(ref Count, size);
                Array.Resize(ref OpenedSeconds, size);
                Array.Resize(ref CpuSeconds, size);
                Array.Resize(ref IoSeconds, size);
                Array.Resize(ref Attempts, size);
                Array.Resize(ref Counted, size);
            }

            Slots[id] = new int[_capacity];
            Receipts[id] = new int[_capacity];
        }

        slots.CopyTo(Slots[id]);
        receipts.CopyTo(Receipts[id]);
        Count[id] = slots.Length;
        OpenedSeconds[id] = openedSeconds;
        Attempts[id] = 0;
        return id;
    }

    /// <summary>The message slots of batch <paramref name="id"/>.</summary>
    public ReadOnlySpan<int> SlotsOf(int id) => Slots[id].AsSpan(0, Count[id]);

    public void Release(int id)
    {
        InProcess--;
        if (_freeCount == _free.Length)
        {
            Array.Resize(ref _free, _free.Length * 2);
        }

        _free[_freeCount++] = id;
    }
}
