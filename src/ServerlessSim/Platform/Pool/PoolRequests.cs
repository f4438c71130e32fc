namespace ServerlessSim.Platform.Pool;

/// <summary>The requests a function's pool holds (executing, waiting for an instance, or queued), in reusable parallel arrays indexed by slot.</summary>
/// <remarks>
/// Slots are reused when requests leave, so the arrays grow to the peak held and no further. Each instance keeps an
/// intrusive doubly-linked list of its bound requests (<see cref="Prev"/>, <see cref="Next"/>, the head in its
/// <see cref="InstanceGroup"/>), newest first, so that a starting instance runs its waiting requests and a failing
/// one settles them without scanning every request.
/// </remarks>
internal sealed class PoolRequests
{
    public const int None = -1;

    private int[] _free = new int[64];
    private int _freeCount;
    private int _highWater;

    public double[] ArrivalSeconds = new double[64];
    public double[] StartSeconds = new double[64];
    public double[] CpuSeconds = new double[64];
    public double[] IoSeconds = new double[64];
    public double[] MemoryMb = new double[64];

    /// <summary>The instance's code in its pool (<see cref="FunctionPool"/>: the slot on demand, its complement if provisioned).</summary>
    public int[] Instance = new int[64];
    public bool[] Counted = new bool[64];

    /// <summary>The caller's token for the request, handed back when it ends.</summary>
    public int[] Token = new int[64];

    /// <summary>Whether the request was cut at the function timeout (alone on its instance).</summary>
    public bool[] TimedOut = new bool[64];
    public RequestPhase[] Phase = new RequestPhase[64];
    public int[] Prev = new int[64];
    public int[] Next = new int[64];

    /// <summary>Slots in use, including requests failed with their instance whose completion event is still pending.</summary>
    public int Held { get; private set; }

    public int Allocate(in CallerRequest work, int token)
    {
        Held++;
        int slot;
        if (_freeCount > 0)
        {
            slot = _free[--_freeCount];
        }
        else
        {
            slot = _highWater++;
            if (slot == ArrivalSeconds.Length)
            {
                Grow(slot * 2);
            }
        }

        ArrivalSeconds[slot] = work.ArrivalSeconds;
        CpuSeconds[slot] = work.CpuSeconds;
        IoSeconds[slot] = work.IoSeconds;
        MemoryMb[slot] = work.MemoryMb;
        Counted[slot] = work.Counted;
        Token[slot] = token;
        TimedOut[slot] = false;
        return slot;
    }

    public void Release(int slot)
    {
        Held--;
        if (_freeCount == _free.Length)
        {
            Array.Resize(ref _free, _free.Length * 2);
        }

        _free[_freeCount++] = slot;
    }

    /// <summary>What the request was given, as the caller sees it.</summary>
    public CallerRequest WorkOf(int slot) => new(ArrivalSeconds[slot], CpuSeconds[slot], IoSeconds[slot], MemoryMb[slot], Counted[slot]);

    private void Grow(int size)
    {
        Array.Resize(ref ArrivalSeconds, size);
        Array.Resize(ref StartSeconds, size);
        Array.Resize(ref CpuSeconds, size);
        Array.Resize(ref IoSeconds, size);
        Array.Resize(ref MemoryMb, size);
        Array.Resize(ref Instance, size);
        Array.Resize(ref Counted, size);
        Array.Resize(ref Token, size);
        Array.Resize(ref TimedOut, size);
        Array.Resize(ref Phase, size);
        Array.Resize(ref Prev, size);
        Array.Resize(ref Next, size);
    }
}

/// <summary>Where a request held by a pool is.</summary>
internal enum RequestPhase : byte
{
    /// <summary>In the front queue.</summary>
    Queued,

    /// <summary>Bound to an initialising instance, waiting for it.</summary>
    WaitingForInstance,

    /// <summary>Computing (or, under the interference model, being served as a whole).</summary>
    Cpu,

    /// <summary>Waiting on IO; its completion event is pending.</summary>
    Io,

    /// <summary>Failed with its instance while its completion event was pending: the slot is released when the event fires.</summary>
    FailedPending,
}
