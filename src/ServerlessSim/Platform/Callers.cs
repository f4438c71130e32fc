using ServerlessSim.Engine;
using ServerlessSim.Metrics;
using ServerlessSim.Policies.Invocation;
using ServerlessSim.Randomness;

namespace ServerlessSim.Platform;

/// <summary>
/// A function's callers: they decide what becomes of each attempt the platform throttles or runs, by the function's
/// <see cref="InvocationOptions"/>: a final outcome, or a retry later (a client's backoff, Lambda's asynchronous queue).
/// </summary>
/// <remarks>
/// A request needs a record here only once it is to be retried: a first attempt is token <see cref="FirstAttempt"/>.
/// A waiting request has one pending <see cref="PlatformEvents.Retry"/> event (target: its record, tag: the
/// function). Every request ends once: completed, throttled, failed with a function error or dropped (an asynchronous
/// event past its maximum age), so the counts add up. Function errors are drawn per executed attempt from their own
/// substream; retry delays from another.
/// </remarks>
internal sealed class Callers
{
    /// <summary>The token of a request's first attempt: it has no record.</summary>
    public const int FirstAttempt = -1;

    private readonly int _function;
    private readonly ClientRetryOptions? _clientRetry;
    private readonly AsynchronousInvocation? _async;
    private readonly double _errorProbability;
    private readonly RandomStream _retryRandom;
    private readonly RandomStream _errorRandom;
    private readonly MetricsSink _metrics;
    private readonly RetryRecords _records = new();

    /// <param name="function">The function's index (the tag of its retry events).</param>
    /// <param name="invocation">How callers invoke it; null for synchronous calls without retries.</param>
    /// <param name="errorProbability">The chance that an executed attempt ends in a function error (0..1).</param>
    /// <param name="retryRandom">The substream of retry delays.</param>
    /// <param name="errorRandom">The substream of function errors.</param>
    /// <param name="metrics">Where the function's (and the account's) metrics are fed.</param>
    public Callers(
        int function, InvocationOptions? invocation, double errorProbability, RandomStream retryRandom, RandomStream errorRandom, MetricsSink metrics)
    {
        _function = function;
        _clientRetry = (invocation as SynchronousInvocation)?.Retry;
        _async = invocation as AsynchronousInvocation;
        _errorProbability = errorProbability;
        _retryRandom = retryRandom;
        _errorRandom = errorRandom;
        _metrics = metrics;
    }

    /// <summary>Requests waiting to be retried (off the platform: in a client's backoff or Lambda's asynchronous queue).</summary>
    public int Waiting { get; private set; }

    /// <summary>An attempt was throttled: retry it later, or end the request as throttled (or dropped, if asynchronous and too old).</summary>
    public void Rejected(Simulator simulator, double now, int token, in CallerRequest attempt, ThrottleReason reason)
    {
        _metrics.OnThrottleResponse(attempt.Counted, now);
        if (_async is not null)
        {
            var record = Keep(token, attempt);
            var retry = _records.ThrottleRetries[record]++;

            // 1 s, 2 s, 4 s, ... capped at 5 minutes, each between half and all of it: 1 s x 2^9 = 512 s is past the cap at the 10th.
            var delay = Math.Min(AsynchronousInvocation.FirstThrottleRetryDelay.Seconds * Math.Pow(2, retry), AsynchronousInvocation.MaxThrottleRetryDelay.Seconds);
            ScheduleAsyncRetry(simulator, now, record, now + (delay * (0.5 + (0.5 * _retryRandom.NextDouble()))));
            return;
        }

        var attempts = token == FirstAttempt ? 1 : _records.Attempts[token];
        if (_clientRetry is { } retryOptions && attempts < retryOptions.MaxAttempts)
        {
            var record = Keep(token, attempt);
            _records.Attempts[record] = attempts + 1;
            var cap = Math.Min(retryOptions.BaseDelay.Seconds * Math.Pow(2, attempts - 1), retryOptions.MaxDelay.Seconds);
            Schedule(simulator, record, now + (cap * _retryRandom.NextDouble()));
            return;
        }

        _metrics.OnThrottled(attempt.Counted, reason);
        Release(token);
    }

    /// <summary>An attempt ran to its end: the request completed, or (a function error, or <paramref name="failedOnPlatform"/>) failed, to be retried if asynchronous.</summary>
    /// <param name="simulator">The run's simulator.</param>
    /// <param name="now">The current time.</param>
    /// <param name="token">The attempt's token.</param>
    /// <param name="attempt">The attempt.</param>
    /// <param name="failedOnPlatform">Whether the platform failed it (an initialisation or execution timeout).</param>
    public void Executed(Simulator simulator, double now, int token, in CallerRequest attempt, bool failedOnPlatform = false)
    {
        var failed = failedOnPlatform || (_errorProbability > 0 && _errorRandom.NextDouble() < _errorProbability);
        if (!failed)
        {
            var latency = now - (token == FirstAttempt ? attempt.ArrivalSeconds : _records.ArrivalSeconds[token]);
            _metrics.OnCompletion(attempt.Counted, now, latency);
            Release(token);
            return;
        }

        var errorRetries = token == FirstAttempt ? 0 : _records.ErrorRetries[token];
        if (_async is not null && errorRetries < _async.MaxRetryAttempts)
        {
            var record = Keep(token, attempt);
            var retry = _records.ErrorRetries[record]++;
            ScheduleAsyncRetry(simulator, now, record, now + AsynchronousInvocation.ErrorRetryDelays[Math.Min(retry, AsynchronousInvocation.ErrorRetryDelays.Count - 1)].Seconds);
            return;
        }

        _metrics.OnFunctionError(attempt.Counted);
        Release(token);
    }

    /// <summary>The platform ended the request itself (it timed out in a front queue, or failed with its instance): its record, if any, is freed.</summary>
    public void Ended(int token) => Release(token);

    /// <summary>A retry is due: the attempt to make now, or false if the request was dropped instead (an asynchronous event past its maximum age).</summary>
    public bool TakeRetry(int record, double now, out CallerRequest attempt)
    {
        Waiting--;
        var counted = _records.Counted[record];
        if (_async is not null && now >= _records.ArrivalSeconds[record] + _async.MaxEventAge.Seconds)
        {
            _metrics.OnDropped(counted);
            _records.Release(record);
            attempt = default;
            return false;
        }

        _metrics.OnRetry(counted, now, now - _records.ArrivalSeconds[record]);
        attempt = new CallerRequest(now, _records.CpuSeconds[record], _records.IoSeconds[record], _records.MemoryMb[record], counted);
        return true;
    }

    // An asynchronous event is retried when due, or dropped when it reaches its maximum age, whichever comes first;
    // one already that old (its attempt ran past the age) is dropped now.
    private void ScheduleAsyncRetry(Simulator simulator, double now, int record, double due)
    {
        var expiry = _records.ArrivalSeconds[record] + _async!.MaxEventAge.Seconds;
        if (expiry <= now)
        {
            _metrics.OnDropped(_records.Counted[record]);
            _records.Release(record);
            return;
        }

        Schedule(simulator, record, Math.Min(due, expiry));
    }

    private void Schedule(Simulator simulator, int record, double time)
    {
        Waiting++;
        simulator.ScheduleAt(time, PlatformEvents.Retry, record, _function);
    }

    // The request's record, made on its first retry (its arrival is the first attempt's).
    private int Keep(int token, in CallerRequest attempt) =>
        token != FirstAttempt ? token : _records.Allocate(attempt.ArrivalSeconds, attempt.CpuSeconds, attempt.IoSeconds, attempt.MemoryMb, attempt.Counted);

    private void Release(int token)
    {
        if (token != FirstAttempt)
        {
            _records.Release(token);
        }
    }
}
