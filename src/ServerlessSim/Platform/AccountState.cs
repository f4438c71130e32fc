using ServerlessSim.Metrics;

namespace ServerlessSim.Platform;

/// <summary>What the functions of one account share: the concurrency limit, its reservations, the request rate, and the load of the other functions.</summary>
/// <remarks>
/// The limit counts requests in flight or active instances (the policy's scope). A function with reserved
/// concurrency r may hold up to r units and no more, whatever the others do; the functions without a reservation
/// share the rest, limit - (sum of reservations). E.g. limit 1,000, function A reserves 200: A is throttled at its
/// 201st unit, and B and C together at their 801st. Before a function handles an event, the account model sets
/// <see cref="OtherUnreservedUnits"/> to the units of every other unreserved function, so the check costs O(1).
/// CPU events name an instance account-wide (the event's tag holds a version, so the function cannot ride in it):
/// <see cref="RegisterInstance"/> gives each function instance slot an id once, for good, since slots are reused.
/// </remarks>
internal sealed class AccountState
{
    private const int Unreserved = -1;
    private readonly int[] _reserved;
    private readonly TokenBucket? _unreservedRate;
    private readonly TokenBucket?[] _reservedRate = [];
    private int[] _functionOf = new int[16];
    private int[] _slotOf = new int[16];

    /// <param name="concurrencyLimit">The account concurrency limit.</param>
    /// <param name="limitCountsInstances">Whether it counts active instances (else requests in flight).</param>
    /// <param name="reservedConcurrency">Per function, its reserved concurrency, or null for none; null for no function reserving.</param>
    /// <param name="requestRatePerConcurrency">Invocations a second per unit of concurrency (Lambda: 10), or null for no request-rate limit.</param>
    public AccountState(int concurrencyLimit, bool limitCountsInstances, IReadOnlyList<int?>? reservedConcurrency = null, double? requestRatePerConcurrency = null)
    {
        ConcurrencyLimit = concurrencyLimit;
        LimitCountsInstances = limitCountsInstances;
        _reserved = reservedConcurrency?.Select(r => r ?? Unreserved).ToArray() ?? [];
        UnreservedLimit = concurrencyLimit - _reserved.Where(r => r > 0).Sum();
        if (requestRatePerConcurrency is { } perUnit)
        {
            // Split as the limit is: the unreserved functions share perUnit x (limit - reservations), each reserved
            // function has perUnit x r of its own, so together at most perUnit x limit. A reservation of 0 has none:
            // its requests are throttled on concurrency.
            _unreservedRate = OneSecondBucket(perUnit * UnreservedLimit);
            _reservedRate = _reserved.Select(r => r > 0 ? OneSecondBucket(perUnit * r) : null).ToArray();
        }
    }

    /// <summary>The account concurrency limit.</summary>
    public int ConcurrencyLimit { get; }

    /// <summary>What the functions without a reservation share: the limit less every reservation.</summary>
    public int UnreservedLimit { get; }

    /// <summary>Whether the limit counts active instances (else requests in flight).</summary>
    public bool LimitCountsInstances { get; }

    /// <summary>Units (in flight, or active instances) of the unreserved functions but the one handling the current event.</summary>
    public int OtherUnreservedUnits { get; set; }

    /// <summary>How many account-wide instance ids exist.</summary>
    public int InstanceIds { get; private set; }

    /// <summary>Whether function <paramref name="function"/> has reserved concurrency.</summary>
    public bool IsReserved(int function) => function < _reserved.Length && _reserved[function] != Unreserved;

    /// <summary>Function <paramref name="function"/>'s reserved concurrency (it must have one).</summary>
    public int ReservedOf(int function) => _reserved[function];

    /// <summary>Whether one more request may be in flight for a function holding <paramref name="inFlight"/>, under a limit that counts requests; else why not.</summary>
    public ThrottleReason? AdmitRequest(int function, int inFlight) =>
        LimitCountsInstances ? null : Admit(function, inFlight);

    /// <summary>Whether one more instance may be active for a function with <paramref name="active"/>, under a limit that counts instances; else why not.</summary>
    public ThrottleReason? AdmitInstance(int function, int active) =>
        LimitCountsInstances ? Admit(function, active) : null;

    /// <summary>
    /// Whether function <paramref name="function"/> may be invoked at <paramref name="nowSeconds"/> under the request
    /// rate (its reservation's, or the unreserved functions' shared one); else why not. Nothing is taken: an
    /// invocation admitted by every check then calls <see cref="TakeInvocationToken"/>.
    /// </summary>
    public ThrottleReason? AdmitInvocationRate(int function, double nowSeconds) =>
        RateBucketOf(function) is { } bucket && !bucket.HasToken(nowSeconds) ? ThrottleReason.RequestRate : null;

    /// <summary>Function <paramref name="function"/>'s invocation was admitted at the time <see cref="AdmitInvocationRate"/> was asked: it uses a token of the rate.</summary>
    public void TakeInvocationToken(int function) => RateBucketOf(function)?.Take();

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

    // One second's worth of invocations at once from rest, then perSecond: e.g. 10 x 1,000 = 10,000, then 10,000 a second.
    private static TokenBucket OneSecondBucket(double perSecond) => new(perSecond, perSecond);

    private TokenBucket? RateBucketOf(int function) =>
        _unreservedRate is null ? null : IsReserved(function) ? _reservedRate[function] : _unreservedRate;

    private ThrottleReason? Admit(int function, int units)
    {
        if (IsReserved(function))
        {
            return units >= _reserved[function] ? ThrottleReason.ReservedConcurrency : null;
        }

        return OtherUnreservedUnits + units >= UnreservedLimit ? ThrottleReason.AccountConcurrency : null;
    }
}
