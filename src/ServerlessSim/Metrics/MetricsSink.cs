namespace ServerlessSim.Metrics;

/// <summary>Where a function's models report what happens: the function's metrics and, in an account of several functions, the account's, fed together.</summary>
/// <remarks>
/// Every event that the account's totals need goes to both through here, so no call site writes it twice. The sink
/// also owns the measured window's rule: a request counts when its first arrival is past the warm-up
/// (<see cref="Counts"/>); what follows from it (cold starts, execution, the outcome) counts as it does. State
/// advances (<see cref="RunMetrics.Advance"/>) are not here: the account advances its own with its totals.
/// </remarks>
internal sealed class MetricsSink
{
    private readonly RunMetrics? _account;
    private readonly double _warmUpSeconds;

    /// <param name="function">The function's metrics.</param>
    /// <param name="account">The account's, when it has several functions (null with one: the function's are the account's).</param>
    /// <param name="warmUpSeconds">The end of the warm-up, in seconds.</param>
    public MetricsSink(RunMetrics function, RunMetrics? account, double warmUpSeconds)
    {
        Function = function;
        _account = account;
        _warmUpSeconds = warmUpSeconds;
    }

    /// <summary>The function's own metrics (its state over time, its billing meters).</summary>
    public RunMetrics Function { get; }

    /// <summary>Whether the function is one of several in its account.</summary>
    public bool SharesAccount => _account is not null;

    /// <summary>Whether a request first arriving at <paramref name="arrivalSeconds"/> is measured: past the warm-up.</summary>
    public bool Counts(double arrivalSeconds) => arrivalSeconds >= _warmUpSeconds;

    public void OnArrival(bool counted, double nowSeconds)
    {
        Function.OnArrival(counted, nowSeconds);
        _account?.OnArrival(counted, nowSeconds);
    }

    public void OnThrottleResponse(bool counted, double nowSeconds)
    {
        Function.OnThrottleResponse(counted, nowSeconds);
        _account?.OnThrottleResponse(counted, nowSeconds);
    }

    public void OnThrottled(bool counted, ThrottleReason reason)
    {
        Function.OnThrottled(counted, reason);
        _account?.OnThrottled(counted, reason);
    }

    public void OnRetry(bool counted, double nowSeconds, double ageSeconds)
    {
        Function.OnRetry(counted, nowSeconds, ageSeconds);
        _account?.OnRetry(counted, nowSeconds, ageSeconds);
    }

    public void OnFunctionError(bool counted)
    {
        Function.OnFunctionError(counted);
        _account?.OnFunctionError(counted);
    }

    public void OnDropped(bool counted)
    {
        Function.OnDropped(counted);
        _account?.OnDropped(counted);
    }

    public void OnTimeout(bool counted)
    {
        Function.OnTimeout(counted);
        _account?.OnTimeout(counted);
    }

    public void OnRequestFailed(bool counted)
    {
        Function.OnRequestFailed(counted);
        _account?.OnRequestFailed(counted);
    }

    public void OnInstanceFailure(double nowSeconds)
    {
        Function.OnInstanceFailure(nowSeconds);
        _account?.OnInstanceFailure(nowSeconds);
    }

    public void OnColdStart(bool counted, double nowSeconds)
    {
        Function.OnColdStart(counted, nowSeconds);
        _account?.OnColdStart(counted, nowSeconds);
    }

    public void OnInstanceStart(int instance, double nowSeconds, double initSeconds, bool provisioned)
    {
        Function.OnInstanceStart(instance, nowSeconds, initSeconds, provisioned);
        _account?.OnInstanceStart(instance, nowSeconds, initSeconds, provisioned);
    }

    public void OnExecution(bool counted, double executionSeconds, double cpuSeconds, bool provisioned)
    {
        Function.OnExecution(counted, executionSeconds, cpuSeconds, provisioned);
        _account?.OnExecution(counted, executionSeconds, cpuSeconds, provisioned);
    }

    public void OnCompletion(bool counted, double nowSeconds, double latencySeconds)
    {
        Function.OnCompletion(counted, nowSeconds, latencySeconds);
        _account?.OnCompletion(counted, nowSeconds, latencySeconds);
    }
}
