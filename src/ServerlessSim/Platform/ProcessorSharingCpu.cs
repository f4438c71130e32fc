namespace ServerlessSim.Platform;

/// <summary>The vCPUs of many-requests instances, shared by the requests in their CPU phase (processor sharing).</summary>
/// <remarks>
/// With c vCPUs and n requests computing, each progresses at r = min(1, c / n) CPU-seconds per second. Rather than
/// update every request on every change, each instance keeps a virtual clock V, the CPU each of its requests has
/// received since V was last reset: V grows at r. A request joining at V0 with demand d finishes when V reaches
/// V0 + d, so each instance keeps a min-heap of finish values and only its earliest needs an event. E.g. c = 1,
/// two requests of 10 ms joining together: r = 0.5, both finish 20 ms later, when V = 10 ms.
/// Each instance has at most one live CPU event. A join slows everyone down, so the pending event usually fires
/// early: it then finds nothing due and is re-issued for the new earliest finish. Only a join whose own finish
/// comes before the pending event issues a new one (with a new version; the old one is ignored when it fires).
/// This keeps the events per request near three (start, CPU done, IO done) instead of one more per join.
/// </remarks>
internal sealed class ProcessorSharingCpu(double vCpus)
{
    private const double FinishTolerance = 1e-12;
    private readonly double _interferenceAlpha;
    private double[] _virtual = new double[16];
    private double[] _lastUpdate = new double[16];
    private int[] _version = new int[16];
    private double[] _pendingTime = Enumerable.Repeat(double.PositiveInfinity, 16).ToArray();
    private double[][] _finish = new double[16][];
    private int[][] _request = new int[16][];
    private int[] _jobs = new int[16];

    /// <summary>
    /// The interference model instead of processor sharing: with k jobs on an instance each progresses at
    /// 1 / (1 + (k - 1) alpha), whatever the vCPUs (a job is then a request's whole service at the instance's speed).
    /// </summary>
    public ProcessorSharingCpu(double vCpus, double interferenceAlpha)
        : this(vCpus)
    {
        _interferenceAlpha = interferenceAlpha;
    }

    /// <summary>Whether an event of <paramref name="version"/> is the instance's live CPU event.</summary>
    public bool IsCurrent(int instance, int version) =>
        version == _version[instance] && !double.IsPositiveInfinity(_pendingTime[instance]);

    public int JobsOn(int instance) => instance < _jobs.Length ? _jobs[instance] : 0;

    /// <summary>A request joins the instance's CPU with <paramref name="demandSeconds"/> of work.</summary>
    /// <returns>Whether a new CPU event must be issued (<see cref="IssueEvent"/>): none is pending, or the new earliest finish is before it.</returns>
    public bool Join(int instance, int request, double demandSeconds, double nowSeconds)
    {
        EnsureInstance(instance);
        Advance(instance, nowSeconds);
        var count = _jobs[instance];
        var finish = _finish[instance];
        if (count == finish.Length)
        {
            Array.Resize(ref _finish[instance], count * 2);
            Array.Resize(ref _request[instance], count * 2);
            finish = _finish[instance];
        }

        // Sift the new job up the instance's binary min-heap of finish values.
        var value = _virtual[instance] + demandSeconds;
        var requests = _request[instance];
        var index = count;
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (finish[parent] <= value)
            {
                break;
            }

            finish[index] = finish[parent];
            requests[index] = requests[parent];
            index = parent;
        }

        finish[index] = value;
        requests[index] = request;
        _jobs[instance] = count + 1;
        return NextCompletion(instance) < _pendingTime[instance];
    }

    /// <summary>Marks a CPU event for the earliest finish as live; returns its time (seconds) and version.</summary>
    public (double TimeSeconds, int Version) IssueEvent(int instance)
    {
        var time = NextCompletion(instance);
        _pendingTime[instance] = time;
        return (time, ++_version[instance]);
    }

    /// <summary>When the instance's earliest CPU phase ends, in seconds; +infinity if none is running.</summary>
    public double NextCompletion(int instance)
    {
        var count = _jobs[instance];
        if (count == 0)
        {
            return double.PositiveInfinity;
        }

        return _lastUpdate[instance] + ((_finish[instance][0] - _virtual[instance]) / Rate(count));
    }

    /// <summary>Handles the live CPU event: removes the requests whose CPU phase has ended; returns how many (0 if it fired early).</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="nowSeconds">The current time.</param>
    /// <param name="finished">Receives the finished requests; must hold all jobs of the instance.</param>
    public int CompleteDue(int instance, double nowSeconds, Span<int> finished)
    {
        _pendingTime[instance] = double.PositiveInfinity;
        Advance(instance, nowSeconds);

        // Joins since the event was issued slowed the earliest job down: nothing is due yet. Two ulps of slack
        // absorb rounding; a re-issued event is then strictly later, so this cannot loop.
        if (NextCompletion(instance) > Math.BitIncrement(Math.BitIncrement(nowSeconds)))
        {
            return 0;
        }

        // Set V to the earliest finish value rather than the floating-point sum, so that no drift accumulates,
        // then take every job finishing at that same value.
        var finish = _finish[instance];
        var requests = _request[instance];
        var due = finish[0];
        _virtual[instance] = due;
        _lastUpdate[instance] = nowSeconds;
        var done = 0;
        while (_jobs[instance] > 0 && finish[0] <= due + (FinishTolerance * Math.Max(1.0, due)))
        {
            finished[done++] = requests[0];
            PopMin(instance);
        }

        if (_jobs[instance] == 0)
        {
            _virtual[instance] = 0;
        }

        return done;
    }

    private void Advance(int instance, double nowSeconds)
    {
        var count = _jobs[instance];
        if (count > 0)
        {
            _virtual[instance] += (nowSeconds - _lastUpdate[instance]) * Rate(count);
        }

        _lastUpdate[instance] = nowSeconds;
    }

    /// <summary>Drops every job of the instance (it failed) into <paramref name="evicted"/>; returns how many. Its pending CPU event goes stale.</summary>
    public int Evict(int instance, Span<int> evicted)
    {
        if (instance >= _jobs.Length)
        {
            return 0;
        }

        var count = _jobs[instance];
        if (count > 0)
        {
            _request[instance].AsSpan(0, count).CopyTo(evicted);
        }

        _jobs[instance] = 0;
        _virtual[instance] = 0;
        _pendingTime[instance] = double.PositiveInfinity;
        _version[instance]++;
        return count;
    }

    private double Rate(int jobs) =>
        _interferenceAlpha > 0 ? 1.0 / (1 + ((jobs - 1) * _interferenceAlpha)) : jobs <= vCpus ? 1.0 : vCpus / jobs;

    private void PopMin(int instance)
    {
        var finish = _finish[instance];
        var requests = _request[instance];
        var count = --_jobs[instance];
        if (count == 0)
        {
            return;
        }

        var value = finish[count];
        var request = requests[count];
        var index = 0;
        while (true)
        {
            var child = (index << 1) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && finish[child + 1] < finish[child])
            {
                child++;
            }

            if (finish[child] >= value)
            {
                break;
            }

            finish[index] = finish[child];
            requests[index] = requests[child];
            index = child;
        }

        finish[index] = value;
        requests[index] = request;
    }

    private void EnsureInstance(int instance)
    {
        if (instance >= _jobs.Length)
        {
            var size = Math.Max(instance + 1, _jobs.Length * 2);
            Array.Resize(ref _virtual, size);
            Array.Resize(ref _lastUpdate, size);
            Array.Resize(ref _version, size);
            var oldSize = _pendingTime.Length;
            Array.Resize(ref _pendingTime, size);
            Array.Fill(_pendingTime, double.PositiveInfinity, oldSize, size - oldSize);
            Array.Resize(ref _finish, size);
            Array.Resize(ref _request, size);
            Array.Resize(ref _jobs, size);
        }

        if (_finish[instance] is null)
        {
            _finish[instance] = new double[4];
            _request[instance] = new int[4];
        }
    }
}
