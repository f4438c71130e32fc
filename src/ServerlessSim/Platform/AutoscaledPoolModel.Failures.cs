namespace ServerlessSim.Platform;

/// <summary>Failures: an instance that runs out of memory fails with every request bound to it.</summary>
internal sealed partial class AutoscaledPoolModel
{
    /// <summary>The instance fails: its requests fail (each counted once), its CPU events go stale, its slot is freed.</summary>
    /// <remarks>
    /// A request waiting on IO still has its completion event pending, so its slot is released only when that event
    /// fires; every other request's slot is released at once. No request is lost: each arrival ends completed,
    /// throttled, timed out or failed.
    /// </remarks>
    private void FailInstance(int instance, double now)
    {
        _metrics.OnInstanceFailure(now);
        _accountMetrics?.OnInstanceFailure(now);
        var jobs = _cpu.JobsOn(instance);
        EnsureFinishedCapacity(jobs);
        _cpu.Evict(instance, _finished);
        UpdateBusyVCpus(jobs, 0);

        var request = _links.Head[instance];
        while (request != RequestLinks.None)
        {
            var next = _links.Next[request];
            var counted = _requests.Counted[request];
            _metrics.OnRequestFailed(counted);
            _accountMetrics?.OnRequestFailed(counted);
            _callers.Ended(_requests.Token[request]);
            _inFlight--;
            if (_links.Phase[request] == RequestPhase.Io)
            {
                _links.Phase[request] = RequestPhase.FailedPending;
            }
            else
            {
                _requests.Release(request);
            }

            request = next;
        }

        _links.Head[instance] = RequestLinks.None;
        _links.MemoryInUseMb[instance] = 0;
        if (_pool.IsWithdrawn(instance))
        {
            _withdrawn--;
        }

        // Its busy stretch ends with its life.
        if (_pool.LoadOf(instance) > 0)
        {
            _metrics.Billing.OnInstanceIdle(instance, now);
        }

        _metrics.Billing.OnInstanceReclaimed(instance, now);
        _pool.Remove(instance);
        SyncAvailable(instance);
    }
}
