using ServerlessSim.Engine;
using ServerlessSim.Metrics;

namespace ServerlessSim.Platform;

/// <summary>A function's execution environments as a caller in front of them sees them: invocations go in, finish or are throttled.</summary>
/// <remarks>
/// The caller is whatever invokes the function: clients calling it directly (<see cref="DirectInvocationModel"/>, with
/// their retries and Lambda's asynchronous queue) or an event source polling a queue and invoking it with batches.
/// The environments know nothing of requests or messages: an invocation is work (CPU, then IO) and a token the
/// caller gets back in <see cref="IInvocationCaller.OnInvocationDone"/>.
/// </remarks>
internal interface IInvocationTarget
{
    /// <summary>Invocations holding an environment, executing or waiting for one to initialise: what Lambda calls concurrency.</summary>
    int Concurrency { get; }

    /// <summary>Starts an invocation now (on a warm environment, or waiting for a new one), or rejects it.</summary>
    /// <param name="simulator">The run's simulator, to schedule the invocation's events.</param>
    /// <param name="nowSeconds">The current time.</param>
    /// <param name="token">The caller's id for the invocation, handed back when it ends.</param>
    /// <param name="work">When it was made, its work (CPU on one full vCPU, then IO wait, in seconds) and whether it is measured.</param>
    /// <returns>null if the invocation started or waits (for an instance, in a queue); else why it was throttled.</returns>
    ThrottleReason? TryInvoke(Simulator simulator, double nowSeconds, int token, in CallerRequest work);
}

/// <summary>What invokes a function: told when each of its invocations finishes.</summary>
internal interface IInvocationCaller
{
    /// <summary>An invocation finished executing at <paramref name="nowSeconds"/>; whether it succeeded is the caller's to decide (function errors).</summary>
    void OnInvocationDone(Simulator simulator, double nowSeconds, in FinishedInvocation invocation);

    /// <summary>The platform ended invocation <paramref name="token"/> without running it to the end (a queue timeout, its instance failed), already counted in the metrics: the caller lets it go.</summary>
    void OnInvocationAbandoned(int token);
}

/// <summary>An invocation that finished: the caller's token and what it was given.</summary>
/// <param name="Token">The caller's id for it.</param>
/// <param name="Counted">Whether it was counted (as given to <see cref="IInvocationTarget.TryInvoke"/>).</param>
/// <param name="InvokedAtSeconds">When it was invoked.</param>
/// <param name="CpuSeconds">Its CPU demand, in seconds.</param>
/// <param name="IoSeconds">Its IO wait, in seconds.</param>
/// <param name="FailedOnPlatform">Whether the platform failed it (its environment's initialisation, or its execution, timed out).</param>
/// <param name="MemoryMb">The memory it held, in MB (0 unless a memory limit is modelled).</param>
internal readonly record struct FinishedInvocation(int Token, bool Counted, double InvokedAtSeconds, double CpuSeconds, double IoSeconds, bool FailedOnPlatform = false, double MemoryMb = 0);
