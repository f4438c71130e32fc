using ServerlessSim.Engine;
using ServerlessSim.Metrics;

namespace ServerlessSim.Platform;

/// <summary>The functions of one account under one policy: routes each event to its function and keeps the account's totals.</summary>
/// <remarks>
/// With one function the account is that function: events go straight through and its metrics are the account's.
/// With several, the account keeps running totals (instances, in flight) by the change each event makes to its
/// function, so an event costs O(1) whatever the number of functions, and its own metrics see the account's load.
/// </remarks>
internal sealed class AccountModel : IEventHandler
{
    private readonly IFunctionModel[] _functions;
    private readonly AccountState _account;
    private readonly RunMetrics? _metrics;
    private int _live, _busy, _initializing, _inFlight, _unreservedUnits;

    /// <param name="functions">The account's functions, by index.</param>
    /// <param name="account">Their shared state.</param>
    /// <param name="metrics">The account's metrics with several functions; null with one.</param>
    public AccountModel(IFunctionModel[] functions, AccountState account, RunMetrics? metrics)
    {
        _functions = functions;
        _account = account;
        _metrics = metrics;
    }

    public IReadOnlyList<IFunctionModel> Functions => _functions;

    /// <summary>Requests in flight in the whole account.</summary>
    public int InFlight => _metrics is null ? _functions[0].InFlight : _inFlight;

    public int Live => _metrics is null ? _functions[0].Instances.Live : _live;

    public int Busy => _metrics is null ? _functions[0].Instances.Busy : _busy;

    public int Initializing => _metrics is null ? _functions[0].Instances.Initializing : _initializing;

    public void Start(Simulator simulator)
    {
        foreach (var function in _functions)
        {
            function.Start(simulator);
        }
    }

    public void Handle(Simulator simulator, in ScheduledEvent scheduledEvent)
    {
        var kind = scheduledEvent.Kind;
        var target = scheduledEvent.Target;
        var tag = scheduledEvent.Tag;
        int function;
        switch (kind)
        {
            case PlatformEvents.Arrival:
            case PlatformEvents.IdleSweep:
            case PlatformEvents.QueueTimeout:
            case PlatformEvents.AutoscalerTick:
            case PlatformEvents.KeepAliveCheck:
            case PlatformEvents.LifetimeCheck:
            case PlatformEvents.ProvisionedChange:
            case PlatformEvents.Prewarm:
                function = target;
                break;
            case PlatformEvents.CpuDone:
                function = _account.FunctionOf(target);
                target = _account.SlotOf(target);
                break;
            default:
                function = tag;
                break;
        }

        var model = _functions[function];
        var now = scheduledEvent.TimeSeconds;
        if (_metrics is null)
        {
            model.Handle(simulator, kind, target, tag, now);
            CheckInvariants(model, function);
            return;
        }

        _metrics.Advance(now, _live, _busy, _initializing, _inFlight);
        var (before, inFlight) = (model.Instances, model.InFlight);
        var unreserved = !_account.IsReserved(function);
        var units = unreserved ? UnitsOf(model) : 0;
        _account.OtherUnreservedUnits = _unreservedUnits - units;
        model.Handle(simulator, kind, target, tag, now);
        var after = model.Instances;
        _live += after.Live - before.Live;
        _busy += after.Busy - before.Busy;
        _initializing += after.Initializing - before.Initializing;
        _inFlight += model.InFlight - inFlight;
        _unreservedUnits += unreserved ? UnitsOf(model) - units : 0;
        CheckInvariants(model, function);
    }

    // In Debug builds (the tests'), every event is followed by a check of the model's invariants and the account's.
    [System.Diagnostics.Conditional("DEBUG")]
    private void CheckInvariants(IFunctionModel model, int function)
    {
        var units = _metrics is null ? (_account.IsReserved(function) ? 0 : UnitsOf(model)) : _unreservedUnits;
        var violation = model.Violation()
            ?? (units > _account.UnreservedLimit
                ? $"the unreserved functions hold {units} units of the account limit, over the {_account.UnreservedLimit} they share"
                : null);
        if (violation is not null)
        {
            throw new InvalidOperationException($"Invariant broken in function {function}: {violation}.");
        }
    }

    // What the account limit counts of a function: its active instances, or its requests on the platform.
    private int UnitsOf(IFunctionModel model) => _account.LimitCountsInstances ? model.Instances.Active : model.Concurrency;
}
