namespace ServerlessSim.Platform;

/// <summary>The in-flight requests of a run, in reusable parallel arrays indexed by slot.</summary>
/// <remarks>Slots are reused when requests finish, so the arrays grow to the peak number in flight and no further.</remarks>
internal sealed class RequestTable
{
    private int[] _free = new int[64];
    private int _freeCount;
    private int _highWater;

    public double[] ArrivalSeconds = new double[64];
    public double[] StartSeconds = new double[64];
    public double[] CpuSeconds = new double[64];
    public double[] IoSeconds = new double[64];
    public int[] Instance = new int[64];
    public int[] NextWaiting = new int[64];
    public bool[] Counted = new bool[64];

    /// <summary>The caller's token for the request (<see cref="Callers.FirstAttempt"/> for a first attempt).</summary>
    public int[] Token = new int[64];

    public int InFlight { get; private set; }

    public int Allocate()
    {
        InFlight++;
        if (_freeCount > 0)
        {
            return _free[--_freeCount];
        }

        var slot = _highWater++;
        if (slot == ArrivalSeconds.Length)
        {
            var size = slot * 2;
            Array.Resize(ref ArrivalSeconds, size);
            Array.Resize(ref StartSeconds, size);
            Array.Resize(ref CpuSeconds, size);
            Array.Resize(ref IoSeconds, size);
            Array.Resize(ref Instance, size);
            Array.Resize(ref NextWaiting, size);
            Array.Resize(ref Counted, size);
            Array.Resize(ref Token, size);
        }

        return slot;
    }

    public void Release(int slot)
    {
        InFlight--;
        if (_freeCount == _free.Length)
        {
            Array.Resize(ref _free, _free.Length * 2);
        }

        _free[_freeCount++] = slot;
    }
}
