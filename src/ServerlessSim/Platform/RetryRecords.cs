namespace ServerlessSim.Platform;

/// <summary>The requests being retried by their callers, in reusable parallel arrays indexed by record.</summary>
/// <remarks>Records are reused when requests end, so the arrays grow to the peak number being retried and no further.</remarks>
internal sealed class RetryRecords
{
    private int[] _free = new int[16];
    private int _freeCount;
    private int _highWater;

    /// <summary>When the request first arrived.</summary>
    public double[] ArrivalSeconds = new double[16];
    public double[] CpuSeconds = new double[16];
    public double[] IoSeconds = new double[16];
    public double[] MemoryMb = new double[16];
    public bool[] Counted = new bool[16];

    /// <summary>Attempts made so far (synchronous retries).</summary>
    public int[] Attempts = new int[16];

    /// <summary>Throttle retries scheduled so far (asynchronous).</summary>
    public int[] ThrottleRetries = new int[16];

    /// <summary>Function-error retries scheduled so far (asynchronous).</summary>
    public int[] ErrorRetries = new int[16];

    public int Allocate(double arrivalSeconds, double cpuSeconds, double ioSeconds, double memoryMb, bool counted)
    {
        int record;
        if (_freeCount > 0)
        {
            record = _free[--_freeCount];
        }
        else
        {
            record = _highWater++;
            if (record == ArrivalSeconds.Length)
            {
                Grow(record * 2);
            }
        }

        ArrivalSeconds[record] = arrivalSeconds;
        CpuSeconds[record] = cpuSeconds;
        IoSeconds[record] = ioSeconds;
        MemoryMb[record] = memoryMb;
        Counted[record] = counted;
        Attempts[record] = 1;
        ThrottleRetries[record] = 0;
        ErrorRetries[record] = 0;
        return record;
    }

    public void Release(int record)
    {
        if (_freeCount == _free.Length)
        {
            Array.Resize(ref _free, _free.Length * 2);
        }

        _free[_freeCount++] = record;
    }

    private void Grow(int size)
    {
        Array.Resize(ref ArrivalSeconds, size);
        Array.Resize(ref CpuSeconds, size);
        Array.Resize(ref IoSeconds, size);
        Array.Resize(ref MemoryMb, size);
        Array.Resize(ref Counted, size);
        Array.Resize(ref Attempts, size);
        Array.Resize(ref ThrottleRetries, size);
        Array.Resize(ref ErrorRetries, size);
    }
}
