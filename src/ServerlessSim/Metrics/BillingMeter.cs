using ServerlessSim.Cost;

namespace ServerlessSim.Metrics;

/// <summary>
/// Meters what the billing rules price: each request's execution, each initialisation, and per instance the
/// stretches it is active (initialising or holding a request), executing (ready and holding a request) and alive.
/// </summary>
/// <remarks>
/// Per-request and per-start items are metered for the requests and starts the run counts, whenever they end; an
/// instance's stretches are clipped to the window [warm-up, horizon), like the instance-seconds. Each stretch is
/// rounded as a whole, which is why it is metered here rather than derived from the time-weighted areas: a Cloud
/// Run instance busy from 1.00 s to 1.25 s bills 300 ms, two requests overlapping in it included. Memory is three
/// doubles per instance slot plus fixed tallies.
/// </remarks>
internal sealed class BillingMeter(double windowStartSeconds, double windowEndSeconds)
{
    private double[] _lifeStart = Closed(16);
    private double[] _activeStart = Closed(16);
    private double[] _executingStart = Closed(16);
    private MeteredTimeTally _executions, _inits, _active, _executing, _lifetimes;
    private double _cpuSeconds;

    /// <summary>An instance starts initialising: its life and its first active stretch begin.</summary>
    public void OnInstanceStart(int instance, double nowSeconds, double initSeconds, bool counted)
    {
        EnsureCapacity(instance);
        _lifeStart[instance] = nowSeconds;
        _activeStart[instance] = nowSeconds;
        if (counted)
        {
            _inits.Add(initSeconds);
        }
    }

    /// <summary>An instance finished initialising: it executes the requests waiting for it, or goes idle.</summary>
    public void OnInstanceReady(int instance, double nowSeconds, bool hasRequests)
    {
        if (hasRequests)
        {
            _executingStart[instance] = nowSeconds;
        }
        else
        {
            Close(_activeStart, instance, nowSeconds, ref _active);
        }
    }

    /// <summary>An idle instance took a request.</summary>
    public void OnInstanceBusy(int instance, double nowSeconds)
    {
        _activeStart[instance] = nowSeconds;
        _executingStart[instance] = nowSeconds;
    }

    /// <summary>An instance finished its last request.</summary>
    public void OnInstanceIdle(int instance, double nowSeconds)
    {
        Close(_activeStart, instance, nowSeconds, ref _active);
        Close(_executingStart, instance, nowSeconds, ref _executing);
    }

    /// <summary>An idle instance was reclaimed.</summary>
    public void OnInstanceReclaimed(int instance, double nowSeconds) => Close(_lifeStart, instance, nowSeconds, ref _lifetimes);

    /// <summary>A counted request completed after executing <paramref name="executionSeconds"/> and demanding <paramref name="cpuSeconds"/> of CPU.</summary>
    public void OnCompletion(double executionSeconds, double cpuSeconds)
    {
        _executions.Add(executionSeconds);
        _cpuSeconds += cpuSeconds;
    }

    /// <summary>The usage so far, stretches still open counted up to the window's end.</summary>
    public Usage ToUsage(long completed, double busySeconds, double idleSeconds, double initializingSeconds, double memoryMb, double vCpus)
    {
        var active = _active;
        var executing = _executing;
        var lifetimes = _lifetimes;
        for (var i = 0; i < _lifeStart.Length; i++)
        {
            AddClipped(_activeStart[i], double.PositiveInfinity, ref active);
            AddClipped(_executingStart[i], double.PositiveInfinity, ref executing);
            AddClipped(_lifeStart[i], double.PositiveInfinity, ref lifetimes);
        }

        return new Usage(
            completed,
            _executions.ToMeteredTime(),
            _inits.ToMeteredTime(),
            active.ToMeteredTime(),
            executing.ToMeteredTime(),
            lifetimes.ToMeteredTime(),
            busySeconds,
            idleSeconds,
            initializingSeconds,
            memoryMb,
            vCpus,
            _cpuSeconds);
    }

    private static double[] Closed(int size)
    {
        var starts = new double[size];
        Array.Fill(starts, double.NaN);
        return starts;
    }

    private void Close(double[] starts, int instance, double nowSeconds, ref MeteredTimeTally tally)
    {
        AddClipped(starts[instance], nowSeconds, ref tally);
        starts[instance] = double.NaN;
    }

    // The part of [start, end] inside the window, as one period; a zero-length stretch inside the window still counts
    // (Azure bills 1,000 ms for any execution), one that only touches the window's edge does not. NaN: not open.
    private void AddClipped(double start, double end, ref MeteredTimeTally tally)
    {
        if (double.IsNaN(start) || start >= windowEndSeconds)
        {
            return;
        }

        var from = Math.Max(start, windowStartSeconds);
        var to = Math.Min(end, windowEndSeconds);
        if (to > from || (start == end && start >= windowStartSeconds))
        {
            tally.Add(Math.Max(0, to - from));
        }
    }

    private void EnsureCapacity(int instance)
    {
        if (instance >= _lifeStart.Length)
        {
            var size = Math.Max(instance + 1, _lifeStart.Length * 2);
            _lifeStart = Grown(_lifeStart, size);
            _activeStart = Grown(_activeStart, size);
            _executingStart = Grown(_executingStart, size);
        }
    }

    private static double[] Grown(double[] starts, int size)
    {
        var grown = Closed(size);
        Array.Copy(starts, grown, starts.Length);
        return grown;
    }
}
