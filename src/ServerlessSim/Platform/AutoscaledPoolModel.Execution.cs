using ServerlessSim.Engine;

namespace ServerlessSim.Platform;

/// <summary>Execution: requests start on an instance, share its CPU, finish, and free slots serve the front queue.</summary>
internal sealed partial class AutoscaledPoolModel
{
    private int[] _finished = new int[16];

    // Per instance slot, its account-wide id for CPU events (slots are registered in order, once).
    private int[] _instanceIds = new int[16];
    private int _registeredInstances;

    /// <summary>Starts a bound request on its ready instance; false if it took the instance past its memory limit (both failed).</summary>
    private bool StartRequest(Simulator simulator, int request, int instance, double now)
    {
        if (_memoryPerRequest is not null)
        {
            _links.MemoryInUseMb[instance] += _links.MemoryMb[request];
            if (_memoryBaseMb + _links.MemoryInUseMb[instance] > _memoryLimitMb)
            {
                _links.Phase[request] = RequestPhase.Cpu;
                FailInstance(instance, now);
                return false;
            }
        }

        _requests.StartSeconds[request] = now;
        var cpu = _requests.CpuSeconds[request];

        // Under the interference model the whole request is one job at the instance's speed; else its CPU phase is.
        var demand = _interference ? (cpu / _soloCpuRate) + _requests.IoSeconds[request] : cpu;
        if (demand <= 0)
        {
            _links.Phase[request] = RequestPhase.Io;
            simulator.ScheduleAt(now + _requests.IoSeconds[request], PlatformEvents.RequestDone, request, _function);
            return true;
        }

        _links.Phase[request] = RequestPhase.Cpu;
        var jobs = _cpu.JobsOn(instance);
        if (_cpu.Join(instance, request, demand, now))
        {
            IssueCpuEvent(simulator, instance);
        }

        UpdateBusyVCpus(jobs, jobs + 1);
        return true;
    }

    private void IssueCpuEvent(Simulator simulator, int instance)
    {
        var (time, version) = _cpu.IssueEvent(instance);
        simulator.ScheduleAt(time, PlatformEvents.CpuDone, _instanceIds[instance], version);
    }

    private void OnCpuDone(Simulator simulator, int instance, int version, double now)
    {
        if (!_cpu.IsCurrent(instance, version))
        {
            return; // Superseded by an event issued for an earlier finish, or its instance failed.
        }

        var jobs = _cpu.JobsOn(instance);
        EnsureFinishedCapacity(jobs);
        var done = _cpu.CompleteDue(instance, now, _finished);
        UpdateBusyVCpus(jobs, jobs - done);
        for (var i = 0; i < done; i++)
        {
            var request = _finished[i];
            _links.Phase[request] = RequestPhase.Io;
            var io = _interference ? 0 : _requests.IoSeconds[request];
            simulator.ScheduleAt(now + io, PlatformEvents.RequestDone, request, _function);
        }

        if (_cpu.JobsOn(instance) > 0)
        {
            IssueCpuEvent(simulator, instance);
        }
    }

    private void OnRequestDone(Simulator simulator, int request, double now)
    {
        if (_links.Phase[request] == RequestPhase.FailedPending)
        {
            _requests.Release(request); // Already counted as failed with its instance.
            return;
        }

        var instance = _requests.Instance[request];
        var counted = _requests.Counted[request];
        var execution = now - _requests.StartSeconds[request];
        var cpu = _requests.CpuSeconds[request];
        var token = _requests.Token[request];
        var attempt = new CallerRequest(_requests.ArrivalSeconds[request], cpu, _requests.IoSeconds[request], _links.MemoryMb[request], counted);
        _metrics.OnExecution(counted, execution, cpu);
        _accountMetrics?.OnExecution(counted, execution, cpu);
        _links.Remove(request, instance);
        _links.MemoryInUseMb[instance] = _links.Head[instance] == RequestLinks.None ? 0 : _links.MemoryInUseMb[instance] - _links.MemoryMb[request];
        _requests.Release(request);
        _inFlight--;
        _callers.Executed(simulator, now, token, attempt);
        if (_pool.IsWithdrawn(instance))
        {
            if (_pool.UnbindWithdrawn(instance, now))
            {
                _metrics.Billing.OnInstanceIdle(instance, now);
                RemoveDrained(instance, now);
            }

            return;
        }

        if (_pool.Unbind(instance, now))
        {
            _metrics.Billing.OnInstanceIdle(instance, now);
        }

        SyncAvailable(instance);
        ServeQueue(simulator, instance, now, cold: false);
    }

    private void OnInitDone(Simulator simulator, int instance, double now)
    {
        _pool.MarkReady(instance, now);
        _metrics.Billing.OnInstanceReady(instance, now, _pool.LoadOf(instance) > 0);
        SyncAvailable(instance);

        // Requests bound while it started (waiting for a new instance) run now; if one takes it past its memory
        // limit, the instance fails with all of them.
        var request = _links.Head[instance];
        while (request != RequestLinks.None)
        {
            var next = _links.Next[request];
            if (!StartRequest(simulator, request, instance, now))
            {
                return;
            }

            request = next;
        }

        ServeQueue(simulator, instance, now, cold: true);
    }

    /// <summary>Gives the instance's free slots to the oldest waiting requests; <paramref name="cold"/> when it has just become ready.</summary>
    private void ServeQueue(Simulator simulator, int instance, double now, bool cold)
    {
        var queue = _queue;
        if (queue is null)
        {
            return;
        }

        while (queue.Count > 0 && _available.Contains(instance) && !(_pool.LoadOf(instance) == 0 && InstanceLimitReached))
        {
            var request = queue.Dequeue();
            if (_requests.ArrivalSeconds[request] + _queueTimeoutSeconds <= now)
            {
                TimeOut(request, now); // Due at this very instant: its timer has not fired yet.
                continue;
            }

            if (cold)
            {
                CountColdStart(_requests.Counted[request], now);
            }

            Bind(request, instance, now);
            if (!StartRequest(simulator, request, instance, now))
            {
                return;
            }
        }
    }

    private void EnsureQueueTimeout(Simulator simulator)
    {
        var queue = _queue!;
        if (!_timeoutPending && queue.Count > 0 && !double.IsPositiveInfinity(_queueTimeoutSeconds))
        {
            _timeoutPending = true;
            simulator.ScheduleAt(_requests.ArrivalSeconds[queue.Head] + _queueTimeoutSeconds, PlatformEvents.QueueTimeout, _function);
        }
    }

    private void OnQueueTimeout(Simulator simulator, double now)
    {
        _timeoutPending = false;
        var queue = _queue!;
        while (queue.Count > 0 && _requests.ArrivalSeconds[queue.Head] + _queueTimeoutSeconds <= now)
        {
            TimeOut(queue.Dequeue(), now);
        }

        EnsureQueueTimeout(simulator);
    }

    private void TimeOut(int request, double now)
    {
        var counted = _requests.Counted[request];
        _metrics.OnTimeout(counted);
        _accountMetrics?.OnTimeout(counted);
        _callers.Ended(_requests.Token[request]);
        _requests.Release(request);
        _inFlight--;
    }

    // vCPUs in use on an instance with n jobs: min(n, c) under processor sharing; under the interference model the
    // same, scaled by the CPU share of a request's time (a job there is a whole request).
    private void UpdateBusyVCpus(int jobsBefore, int jobsAfter)
    {
        var share = _interference ? _interferenceCpuShare : 1.0;
        _busyVCpus += (Math.Min(jobsAfter, _vCpus) - Math.Min(jobsBefore, _vCpus)) * share;
    }

    private void EnsureFinishedCapacity(int jobs)
    {
        if (_finished.Length < jobs)
        {
            _finished = new int[jobs * 2];
        }
    }

    private void RegisterIfNew(int instance)
    {
        _links.EnsureInstance(instance);
        _links.Head[instance] = RequestLinks.None;
        _links.MemoryInUseMb[instance] = 0;
        if (instance < _registeredInstances)
        {
            return;
        }

        if (instance == _instanceIds.Length)
        {
            Array.Resize(ref _instanceIds, instance * 2);
        }

        _instanceIds[instance] = _account.RegisterInstance(_function, instance);
        _registeredInstances++;
    }
}
