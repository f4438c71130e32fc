using ServerlessSim.Engine;
using ServerlessSim.Randomness;

namespace ServerlessSim.Platform.Pool;

/// <summary>The life of a pool's instances, written once: they start (within the init timeout, or fail), go idle, expire, are retired or removed.</summary>
/// <remarks>
/// When idle on-demand instances go is the <see cref="IIdleExpiry"/>'s rule (none under an autoscaler, which
/// reclaims them itself); an end of life is the <see cref="MaxLifetime"/>'s. Provisioned environments never expire
/// while configured.
/// </remarks>
internal sealed class InstanceLifecycle
{
    private readonly FunctionPool _pool;
    private readonly IDistribution _coldStart;
    private readonly RandomStream _coldStartRandom;
    private readonly double _initTimeoutSeconds;
    private readonly double _functionTimeoutSeconds;
    private readonly MaxLifetime? _maxLifetime;

    public InstanceLifecycle(FunctionPool pool, PoolSettings settings, RandomStreams streams)
    {
        _pool = pool;
        _coldStart = settings.Function.ColdStart;
        _coldStartRandom = streams.ColdStart;
        _initTimeoutSeconds = settings.Scaling.InitTimeout?.Seconds ?? double.PositiveInfinity;
        _functionTimeoutSeconds = settings.Scaling.FunctionTimeout?.Seconds ?? double.PositiveInfinity;
        _maxLifetime = settings.Scaling.MaxLifetime is { } lifetime ? new MaxLifetime(this, pool.OnDemand, lifetime, streams.Policy!, pool.Function) : null;
        Expiry = PoolStrategies.CreateExpiry(pool, this, settings, streams);
    }

    /// <summary>When idle on-demand instances go.</summary>
    public IIdleExpiry Expiry { get; }

    /// <summary>Starts an instance in <paramref name="group"/>: it initialises, or fails to; returns its code.</summary>
    /// <remarks>
    /// An on-demand initialisation longer than the init timeout (Lambda: 10 s) is cut there and run again, bounded by
    /// the function timeout: e.g. a draw of 12 s, then 3 s, is ready after 10 + 3 = 13 s and bills 13 s; a second
    /// overrun fails the requests waiting for it at 10 s + the function timeout. Provisioned environments initialise
    /// ahead of traffic (Lambda allows them 15 minutes): no timeout.
    /// </remarks>
    public int Start(Simulator simulator, InstanceGroup group, double now)
    {
        var slot = group.StartNew();
        var init = _coldStart.Sample(_coldStartRandom);
        var kind = PlatformEvents.InitDone;
        if (init > _initTimeoutSeconds && !group.Provisioned)
        {
            var retry = _coldStart.Sample(_coldStartRandom);
            kind = retry > _functionTimeoutSeconds ? PlatformEvents.InitFailed : PlatformEvents.InitDone;
            init = _initTimeoutSeconds + Math.Min(retry, _functionTimeoutSeconds);
        }

        _pool.Metrics.OnInstanceStart(slot, now, init, group.Provisioned);
        Register(group, slot);
        if (!group.Provisioned)
        {
            _maxLifetime?.OnStart(simulator, slot, now);
        }

        var code = group.CodeOf(slot);
        simulator.ScheduleAt(now + init, kind, code, _pool.Function);
        return code;
    }

    /// <summary>An instance that is ready from the start (a deployed service's): no initialisation in the run.</summary>
    public void StartReady(InstanceGroup group, double now)
    {
        var slot = group.StartNew();
        Register(group, slot);
        group.Pool.MarkReady(slot, now);
        group.Billing.OnInstanceStart(slot, now, 0, counted: false);
        group.Billing.OnInstanceReady(slot, now, hasRequests: false);
        group.SyncAvailable(slot);
    }

    /// <summary>An instance became idle: it waits for its next request until its keep-alive says otherwise.</summary>
    public void OnIdle(Simulator simulator, InstanceGroup group, int slot, double now)
    {
        if (!group.Provisioned)
        {
            Expiry.OnIdle(simulator, slot, now);
        }
    }

    /// <summary>Reclaims an idle on-demand instance.</summary>
    public void Reclaim(int slot, double now)
    {
        var group = _pool.OnDemand;
        Expiry.Forget(slot);
        _maxLifetime?.Forget(slot);
        group.Pool.Reclaim(slot);
        group.Billing.OnInstanceReclaimed(slot, now);
        group.SyncAvailable(slot);
    }

    /// <summary>Removes a ready instance (idle, or withdrawn and drained, or failed); its slot is reused.</summary>
    public void Remove(InstanceGroup group, int slot, double now)
    {
        if (!group.Provisioned)
        {
            Expiry.Forget(slot);
            _maxLifetime?.Forget(slot);
        }

        if (group.Pool.IsWithdrawn(slot))
        {
            group.Withdrawn--;
        }

        group.Pool.Remove(slot);
        group.Billing.OnInstanceReclaimed(slot, now);
        group.SyncAvailable(slot);
    }

    /// <summary>An instance leaves: at once if idle, else it finishes its requests first (taking no more).</summary>
    public void Retire(InstanceGroup group, int slot, double now)
    {
        if (group.Pool.LoadOf(slot) == 0)
        {
            Remove(group, slot, now);
            return;
        }

        if (!group.Provisioned)
        {
            Expiry.Forget(slot);
        }

        group.Pool.Withdraw(slot);
        group.Withdrawn++;
        group.SyncAvailable(slot);
    }

    /// <summary>Handles expiry and end-of-life events; false if <paramref name="kind"/> is not one of them.</summary>
    public bool TryHandle(Simulator simulator, int kind, int tag, double now) =>
        Expiry.TryHandle(simulator, kind, tag, now) || (_maxLifetime?.TryHandle(simulator, kind, tag, now) ?? false);

    // Instances that share a CPU get an account-wide id for their CPU events, once per slot.
    private void Register(InstanceGroup group, int slot)
    {
        if (group.Cpu is not null && slot == group.RegisteredInstances)
        {
            group.InstanceIds[slot] = _pool.Account.RegisterInstance(_pool.Function, group.CodeOf(slot));
            group.RegisteredInstances++;
        }
    }
}
