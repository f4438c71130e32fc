namespace ServerlessSim.Platform;

/// <summary>What the functions of one account share: the concurrency limit, and the load of the other functions.</summary>
/// <remarks>
/// Before a function handles an event, the account model sets <see cref="OtherInFlight"/> and
/// <see cref="OtherActiveInstances"/> to the totals of every other function, so the function checks the shared limit
/// as others + its own, with no per-event sum over functions. CPU events name an instance account-wide (the event's
/// tag holds a version, so the function cannot ride in it): <see cref="RegisterInstance"/> gives each function
/// instance slot an id once, for good, since slots are reused.
/// </remarks>
internal sealed class AccountState
{
    private int[] _functionOf = new int[16];
    private int[] _slotOf = new int[16];

    public AccountState(int concurrencyLimit, bool limitCountsInstances)
    {
        ConcurrencyLimit = concurrencyLimit;
        LimitCountsInstances = limitCountsInstances;
    }

    /// <summary>The account concurrency limit.</summary>
    public int ConcurrencyLimit { get; }

    /// <summary>Whether the limit counts active instances (else requests in flight).</summary>
    public bool LimitCountsInstances { get; }

    /// <summary>Requests in flight in every function but the one handling the current event.</summary>
    public int OtherInFlight { get; set; }

    /// <summary>Active (busy or initialising) instances of every function but the one handling the current event.</summary>
    public int OtherActiveInstances { get; set; }

    /// <summary>How many account-wide instance ids exist.</summary>
    public int InstanceIds { get; private set; }

    /// <summary>Gives instance slot <paramref name="slot"/> of function <paramref name="function"/> an account-wide id.</summary>
    public int RegisterInstance(int function, int slot)
    {
        var id = InstanceIds++;
        if (id == _functionOf.Length)
        {
            Array.Resize(ref _functionOf, id * 2);
            Array.Resize(ref _slotOf, id * 2);
        }

        _functionOf[id] = function;
        _slotOf[id] = slot;
        return id;
    }

    /// <summary>The function that owns account-wide instance <paramref name="id"/>.</summary>
    public int FunctionOf(int id) => _functionOf[id];

    /// <summary>The function's own slot for account-wide instance <paramref name="id"/>.</summary>
    public int SlotOf(int id) => _slotOf[id];
}
