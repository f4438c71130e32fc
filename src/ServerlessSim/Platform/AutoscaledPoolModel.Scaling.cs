using ServerlessSim.Engine;
using ServerlessSim.Policies.Scaling;

namespace ServerlessSim.Platform;

/// <summary>Scaling: the autoscaler's ticks, starting instances, and scaling down (idle ones first, then draining).</summary>
internal sealed partial class AutoscaledPoolModel
{
    private void OnTick(Simulator simulator, int tag, double now)
    {
        _pokePending = false;
        if (tag == PlatformEvents.RegularTick && !_initialised)
        {
            _initialised = true;
            MakeInitialInstances(now);
        }

        var context = new AutoscalerContext(
            now, ScaledInstances - _pool.Initializing, ScaledInstances, _pool.MaxConcurrent, _vCpus, _inFlight, _window);
        var desired = _autoscaler.Scale(now, context).DesiredInstances;
        Apply(simulator, desired, now);
        if (tag != PlatformEvents.RegularTick)
        {
            return;
        }

        // A pool at rest at zero (nothing wanted, nothing in flight) stops ticking until its next arrival, so that
        // the idle functions of a large trace cost no events.
        if (desired == 0 && _pool.Live == 0 && _inFlight == 0)
        {
            _ticksSuspended = true;
            return;
        }

        simulator.ScheduleAt(now + _tickSeconds, PlatformEvents.AutoscalerTick, _function, PlatformEvents.RegularTick);
    }

    // A deployed service's instances are ready from the start: no initialisation in the run.
    private void MakeInitialInstances(double now)
    {
        for (var i = Math.Min(_autoscaler.InitialInstances, _maxInstances); i > 0; i--)
        {
            var instance = _pool.StartNew();
            RegisterIfNew(instance);
            _pool.MarkReady(instance, now);
            _metrics.Billing.OnInstanceStart(instance, now, 0, counted: false);
            _metrics.Billing.OnInstanceReady(instance, now, hasRequests: false);
            SyncAvailable(instance);
        }
    }

    private void Apply(Simulator simulator, int desired, double now)
    {
        var scaled = ScaledInstances;
        for (; scaled < desired && _pool.Live < _maxInstances && !InstanceLimitReached; scaled++)
        {
            StartInstance(simulator, now);
        }

        // Scale down: idle instances first, the longest idle first; then drain the least loaded (they finish their
        // requests but take no more). Full instances are left for a later tick, once one of their requests ends.
        while (scaled > desired && _pool.Ready.CountAt(0) > 0)
        {
            var idle = _pool.Ready.Tail(0);
            _pool.Reclaim(idle);
            _metrics.Billing.OnInstanceReclaimed(idle, now);
            SyncAvailable(idle);
            scaled--;
        }

        while (scaled > desired)
        {
            var load = _pool.Ready.LowestNonEmpty(1);
            if (load < 0)
            {
                break;
            }

            var instance = _pool.Ready.Head(load);
            _pool.Withdraw(instance);
            _withdrawn++;
            SyncAvailable(instance);
            scaled--;
        }
    }

    private int StartInstance(Simulator simulator, double now)
    {
        var instance = _pool.StartNew();
        RegisterIfNew(instance);
        var init = _coldStart.Sample(_coldStartRandom);
        _metrics.OnInstanceStart(instance, now, init);
        _accountMetrics?.OnInstanceStart(instance, now, init);
        simulator.ScheduleAt(now + init, PlatformEvents.InitDone, instance, _function);
        return instance;
    }

    private void RemoveDrained(int instance, double now)
    {
        _pool.Remove(instance);
        _metrics.Billing.OnInstanceReclaimed(instance, now);
        _withdrawn--;
        SyncAvailable(instance);
    }
}
