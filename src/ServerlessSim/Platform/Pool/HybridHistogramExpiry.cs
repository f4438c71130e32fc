using ServerlessSim.Engine;
using ServerlessSim.Policies.KeepAlive;

namespace ServerlessSim.Platform.Pool;

/// <summary>Shahrad et al.'s hybrid histogram policy: from a histogram of the function's idle times, unload when it goes idle and pre-warm before its likely next request.</summary>
/// <remarks>
/// The idle time is the function's, from the end of its last request to its next arrival. When the function has
/// nothing in flight: with no pre-warm window, its idle instances are kept for the keep-alive window from now;
/// otherwise they are reclaimed, and as many (at least one) start again after the pre-warm window and are kept for
/// the keep-alive window.
/// </remarks>
internal sealed class HybridHistogramExpiry : DeadlineExpiry
{
    private readonly FunctionPool _pool;
    private readonly InstanceLifecycle _lifecycle;
    private readonly HybridHistogram _histogram;
    private readonly int _function;

    // Since when the function has had nothing in flight (NaN while busy or before its first request), the pre-warm
    // due (its version, how many), and until when pre-warmed instances are kept.
    private double _functionIdleSince = double.NaN;
    private int _prewarmVersion;
    private int _prewarmCount;
    private double _prewarmedUntil = double.NaN;

    public HybridHistogramExpiry(FunctionPool pool, InstanceLifecycle lifecycle, HybridHistogramKeepAlive options)
        : base(lifecycle, pool.Function)
    {
        _pool = pool;
        _lifecycle = lifecycle;
        _histogram = new HybridHistogram(options);
        _function = pool.Function;
    }

    public override void OnInvoked(int concurrency, double now)
    {
        if (concurrency > 0)
        {
            return;
        }

        if (!double.IsNaN(_functionIdleSince))
        {
            _histogram.Record(now - _functionIdleSince);
            _functionIdleSince = double.NaN;
        }

        _prewarmVersion++; // Any pre-warm still pending is not needed.
        _prewarmedUntil = double.NaN;
    }

    public override void OnRequestsEnded(Simulator simulator, int concurrency, double now)
    {
        if (concurrency > 0)
        {
            return;
        }

        _functionIdleSince = now;
        var (prewarm, keepAlive) = _histogram.Windows();
        var idle = _pool.OnDemand.Pool.Ready;
        if (prewarm <= 0)
        {
            // Keep the idle instances for the keep-alive window from now.
            for (var slot = idle.Head(0); slot >= 0; slot = idle.Next(slot))
            {
                Timer.Deadlines.Set(slot, now + keepAlive);
            }

            _prewarmedUntil = now + keepAlive;
            Timer.Ensure(simulator);
            return;
        }

        var unloaded = 0;
        while (idle.CountAt(0) > 0)
        {
            _lifecycle.Reclaim(idle.Head(0), now);
            unloaded++;
        }

        _prewarmCount = Math.Max(1, unloaded);
        _prewarmedUntil = now + prewarm + keepAlive;
        simulator.ScheduleAt(now + prewarm, PlatformEvents.Prewarm, _function, ++_prewarmVersion);
    }

    public override bool TryHandle(Simulator simulator, int kind, int tag, double now)
    {
        if (kind != PlatformEvents.Prewarm)
        {
            return base.TryHandle(simulator, kind, tag, now);
        }

        if (tag != _prewarmVersion)
        {
            return true; // A request came first.
        }

        var onDemand = _pool.OnDemand;
        for (var i = 0; i < _prewarmCount && onDemand.Pool.Live < _pool.MaxInstances && !_pool.InstanceLimitReached; i++)
        {
            _lifecycle.Start(simulator, onDemand, now);
        }

        return true;
    }

    protected override double Deadline(double now)
    {
        if (_pool.Concurrency == 0 && !double.IsNaN(_prewarmedUntil))
        {
            return Math.Max(now, _prewarmedUntil);
        }

        var (prewarm, keepAlive) = _histogram.Windows();
        return now + prewarm + keepAlive;
    }
}
