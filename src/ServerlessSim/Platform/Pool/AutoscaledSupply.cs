using ServerlessSim.Engine;
using ServerlessSim.Policies.Scaling;

namespace ServerlessSim.Platform.Pool;

/// <summary>An autoscaler decides, once a tick, how many instances there are (Knative, Cloud Run, Managed Instances, Flex); a queued request can make it decide sooner.</summary>
/// <remarks>
/// The first tick, at time 0, also makes the instances a deployed service already has. Scaling down takes idle
/// instances first, the longest idle first, then drains the least loaded (they finish their requests but take no
/// more); full ones are left for a later tick. A pool at rest at zero stops ticking until its next arrival, so that
/// the idle functions of a large trace cost no events. The window sums are the only work that is not O(1), once a tick.
/// </remarks>
internal sealed class AutoscaledSupply(FunctionPool pool, AutoscalingOptions options) : IInstanceSupply
{
    private const double MinPokeIntervalSeconds = 1;
    private readonly IAutoscaler _autoscaler = ScalingPolicies.Create(options);
    private readonly ScalingMetricsWindow _window = new(ScalingPolicies.LongestWindowSeconds(options));
    private readonly double _tickSeconds = options.TickInterval.Seconds;
    private bool _pokePending;
    private double _lastPokeSeconds = double.NegativeInfinity;
    private bool _initialised;
    private bool _ticksSuspended;

    /// <summary>Instances that count as the pool's size: ready or initialising, not being drained.</summary>
    private int ScaledInstances => pool.OnDemand.Pool.Live - pool.OnDemand.Withdrawn;

    public void Start(Simulator simulator) =>
        simulator.ScheduleAt(0, PlatformEvents.AutoscalerTick, pool.Function, PlatformEvents.RegularTick);

    public void Advance(double now) => _window.Advance(now, pool.Concurrency, pool.BusyVCpus);

    public void OnArrival(Simulator simulator, double now)
    {
        if (_ticksSuspended)
        {
            // A pool at rest at zero wakes its autoscaler, which decides at once (the poke).
            _ticksSuspended = false;
            _pokePending = true;
            simulator.ScheduleAt(now, PlatformEvents.AutoscalerTick, pool.Function, PlatformEvents.RegularTick);
        }
    }

    public bool MayStart(double now, int active) => true;

    // The activator's poke: a request at zero instances, or more waiting than the starting instances will take,
    // makes the autoscaler decide now rather than at its next tick (at most once a second, past the first).
    public void OnQueued(Simulator simulator, int queued, double now)
    {
        var instances = pool.OnDemand.Pool;
        var outgrown = queued > instances.Initializing * instances.MaxConcurrent && now >= _lastPokeSeconds + MinPokeIntervalSeconds;
        if (!_pokePending && (ScaledInstances == 0 || outgrown))
        {
            _pokePending = true;
            _lastPokeSeconds = now;
            simulator.ScheduleAt(now, PlatformEvents.AutoscalerTick, pool.Function, PlatformEvents.Poke);
        }
    }

    public bool TryHandle(Simulator simulator, int kind, int tag, double now)
    {
        if (kind != PlatformEvents.AutoscalerTick)
        {
            return false;
        }

        OnTick(simulator, tag, now);
        return true;
    }

    private void OnTick(Simulator simulator, int tag, double now)
    {
        _pokePending = false;
        var group = pool.OnDemand;
        if (tag == PlatformEvents.RegularTick && !_initialised)
        {
            _initialised = true;
            for (var i = Math.Min(_autoscaler.InitialInstances, pool.MaxInstances); i > 0; i--)
            {
                pool.Lifecycle.StartReady(group, now);
            }
        }

        var scaled = ScaledInstances;
        var context = new AutoscalerContext(
            now, scaled - group.Pool.Initializing, scaled, group.Pool.MaxConcurrent, pool.VCpus, pool.Concurrency, _window);
        var desired = _autoscaler.Scale(now, context).DesiredInstances;
        Apply(simulator, desired, now);
        if (tag != PlatformEvents.RegularTick)
        {
            return;
        }

        if (desired == 0 && group.Pool.Live == 0 && pool.Concurrency == 0)
        {
            _ticksSuspended = true;
            return;
        }

        simulator.ScheduleAt(now + _tickSeconds, PlatformEvents.AutoscalerTick, pool.Function, PlatformEvents.RegularTick);
    }

    private void Apply(Simulator simulator, int desired, double now)
    {
        var group = pool.OnDemand;
        var instances = group.Pool;
        var scaled = ScaledInstances;
        for (; scaled < desired && instances.Live < pool.MaxInstances && !pool.InstanceLimitReached; scaled++)
        {
            pool.Lifecycle.Start(simulator, group, now);
        }

        while (scaled > desired && instances.Ready.CountAt(0) > 0)
        {
            pool.Lifecycle.Reclaim(instances.Ready.Tail(0), now);
            scaled--;
        }

        while (scaled > desired)
        {
            var load = instances.Ready.LowestNonEmpty(1);
            if (load < 0)
            {
                break;
            }

            pool.Lifecycle.Retire(group, instances.Ready.Head(load), now);
            scaled--;
        }
    }
}
