namespace ServerlessSim.Platform;

/// <summary>The instances of one function: their states, loads and free slots, in reusable arrays.</summary>
/// <remarks>
/// Slots of reclaimed instances are reused, so the arrays grow to the peak number of live instances and no further.
/// Ready instances with a free slot are in <see cref="Ready"/> by load; initialising ones with a free slot (only
/// when K &gt; 1) are in <see cref="Starting"/>; full instances are in neither.
/// </remarks>
internal sealed class InstancePool
{
    private InstanceState[] _state = new InstanceState[16];
    private int[] _load = new int[16];
    private double[] _idleSince = new double[16];
    private bool[] _withdrawn = new bool[16];
    private int[] _freeSlots = new int[16];
    private int _freeCount;
    private int _highWater;

    public InstancePool(int maxConcurrentPerInstance)
    {
        MaxConcurrent = maxConcurrentPerInstance;
        Ready = new LoadBuckets(maxConcurrentPerInstance);
        Starting = new LoadBuckets(1);
        Ready.EnsureInstances(16);
        Starting.EnsureInstances(16);
    }

    public int MaxConcurrent { get; }

    /// <summary>Slots ever used: every instance's slot is below it.</summary>
    public int HighWater => _highWater;

    public LoadBuckets Ready { get; }

    public LoadBuckets Starting { get; }

    public int Live { get; private set; }

    public int Initializing { get; private set; }

    public int Busy { get; private set; }

    public int Idle => Live - Initializing - Busy;

    /// <summary>Instances that count towards an instance limit: busy or initialising.</summary>
    public int Active => Initializing + Busy;

    public InstanceState StateOf(int instance) => _state[instance];

    public int LoadOf(int instance) => _load[instance];

    public double IdleSince(int instance) => _idleSince[instance];

    /// <summary>Creates an initialising instance with no request yet; returns its slot.</summary>
    public int StartNew()
    {
        int slot;
        if (_freeCount > 0)
        {
            slot = _freeSlots[--_freeCount];
        }
        else
        {
            slot = _highWater++;
            if (slot == _state.Length)
            {
                Grow();
            }
        }

        _state[slot] = InstanceState.Initializing;
        _load[slot] = 0;
        Live++;
        Initializing++;
        if (MaxConcurrent > 1)
        {
            Starting.AddFirst(slot, 0);
        }

        return slot;
    }

    /// <summary>Gives the instance one more request (it must have a free slot).</summary>
    public void Bind(int instance, double nowSeconds)
    {
        var load = _load[instance]++;
        switch (_state[instance])
        {
            case InstanceState.Initializing:
                if (load + 1 == MaxConcurrent && MaxConcurrent > 1)
                {
                    Starting.Remove(instance, 0);
                }

                break;
            case InstanceState.Idle:
                Ready.Remove(instance, 0);
                _state[instance] = InstanceState.Busy;
                Busy++;
                AddReadyIfFree(instance, load + 1);
                break;
            case InstanceState.Busy:
                Ready.Remove(instance, load);
                AddReadyIfFree(instance, load + 1);
                break;
            default:
                throw new InvalidOperationException($"Instance {instance} is {_state[instance]} and cannot take a request at {nowSeconds} s.");
        }
    }

    /// <summary>Ends initialisation: the instance is ready, busy if requests are bound to it.</summary>
    public void MarkReady(int instance, double nowSeconds)
    {
        var load = _load[instance];
        if (MaxConcurrent > 1 && load < MaxConcurrent)
        {
            Starting.Remove(instance, 0);
        }

        Initializing--;
        if (load == 0)
        {
            _state[instance] = InstanceState.Idle;
            _idleSince[instance] = nowSeconds;
        }
        else
        {
            _state[instance] = InstanceState.Busy;
            Busy++;
        }

        AddReadyIfFree(instance, load);
    }

    /// <summary>Takes one finished request off the instance; returns whether it went idle.</summary>
    public bool Unbind(int instance, double nowSeconds)
    {
        var load = _load[instance]--;
        if (load < MaxConcurrent)
        {
            Ready.Remove(instance, load);
        }

        if (load == 1)
        {
            _state[instance] = InstanceState.Idle;
            _idleSince[instance] = nowSeconds;
            Busy--;
        }

        Ready.AddFirst(instance, load - 1);
        return load == 1;
    }

    /// <summary>Reclaims an idle instance; its slot is reused.</summary>
    public void Reclaim(int instance)
    {
        Ready.Remove(instance, 0);
        _state[instance] = InstanceState.Reclaimed;
        Live--;
        if (_freeCount == _freeSlots.Length)
        {
            Array.Resize(ref _freeSlots, _freeSlots.Length * 2);
        }

        _freeSlots[_freeCount++] = instance;
    }

    /// <summary>Whether the instance was withdrawn (<see cref="Withdraw"/>): it finishes its requests but takes no more.</summary>
    public bool IsWithdrawn(int instance) => _withdrawn[instance];

    /// <summary>Takes a ready instance (idle or busy) out of dispatch for good, as a scale-down does: it keeps its requests.</summary>
    /// <remarks>Hand its finished requests to <see cref="UnbindWithdrawn"/>, and remove it with <see cref="Remove"/> once idle.</remarks>
    public void Withdraw(int instance)
    {
        var state = _state[instance];
        if (state is not (InstanceState.Idle or InstanceState.Busy) || _withdrawn[instance])
        {
            throw new InvalidOperationException($"Instance {instance} is {state}{(_withdrawn[instance] ? ", withdrawn" : string.Empty)} and cannot be withdrawn.");
        }

        if (_load[instance] < MaxConcurrent)
        {
            Ready.Remove(instance, _load[instance]);
        }

        _withdrawn[instance] = true;
    }

    /// <summary>Takes one finished request off a withdrawn instance; returns whether it went idle (it is not offered to dispatch).</summary>
    public bool UnbindWithdrawn(int instance, double nowSeconds)
    {
        if (--_load[instance] > 0)
        {
            return false;
        }

        _state[instance] = InstanceState.Idle;
        _idleSince[instance] = nowSeconds;
        Busy--;
        return true;
    }

    /// <summary>Removes a ready instance, idle or busy, withdrawn or not (drained, or failed with its requests); its slot is reused.</summary>
    /// <remarks>The caller settles the requests still bound to it.</remarks>
    public void Remove(int instance)
    {
        var load = _load[instance];
        if (_state[instance] is not (InstanceState.Idle or InstanceState.Busy))
        {
            throw new InvalidOperationException($"Instance {instance} is {_state[instance]} and cannot be removed.");
        }

        if (!_withdrawn[instance] && load < MaxConcurrent)
        {
            Ready.Remove(instance, load);
        }

        Busy -= load > 0 ? 1 : 0;

        _state[instance] = InstanceState.Reclaimed;
        _load[instance] = 0;
        _withdrawn[instance] = false;
        Live--;
        if (_freeCount == _freeSlots.Length)
        {
            Array.Resize(ref _freeSlots, _freeSlots.Length * 2);
        }

        _freeSlots[_freeCount++] = instance;
    }

    private void AddReadyIfFree(int instance, int load)
    {
        if (load < MaxConcurrent)
        {
            Ready.AddFirst(instance, load);
        }
    }

    private void Grow()
    {
        var size = _state.Length * 2;
        Array.Resize(ref _state, size);
        Array.Resize(ref _load, size);
        Array.Resize(ref _idleSince, size);
        Array.Resize(ref _withdrawn, size);
        Ready.EnsureInstances(size);
        Starting.EnsureInstances(size);
    }
}
