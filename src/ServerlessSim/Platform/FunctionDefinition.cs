using ServerlessSim.Engine;
using ServerlessSim.Policies.Invocation;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Platform;

/// <summary>One function: its traffic, its work, its size and how its instances start and expire.</summary>
/// <param name="Name">A name for reports.</param>
/// <param name="MemoryMb">Memory per instance, in MB (Lambda: 128..10,240); it sets the vCPU share unless a policy overrides it.</param>
/// <param name="Arrivals">When requests arrive.</param>
/// <param name="Work">What each request does (CPU demand, then IO wait).</param>
/// <param name="ColdStart">How long a new instance takes to initialise, in seconds.</param>
/// <param name="KeepAlive">How long an idle instance is kept before it is reclaimed (Lambda: about 10 minutes, measured).</param>
/// <param name="MaxInstances">The most instances the function may have at once (initialising, busy or idle); null for no cap. Under per-request scaling it caps on-demand environments; provisioned ones are configured apart (and validated to fit within it).</param>
public sealed record FunctionDefinition(
    string Name,
    double MemoryMb,
    ArrivalProcess Arrivals,
    WorkProfile Work,
    IDistribution ColdStart,
    SimDuration KeepAlive,
    int? MaxInstances = null)
{
    /// <summary>
    /// The function's reserved concurrency (Lambda), in the account limit's units: both its ceiling (it is throttled
    /// beyond) and its floor (the other functions cannot take it); null for none. The account keeps at least 100 unreserved.
    /// </summary>
    public int? ReservedConcurrency { get; init; }

    /// <summary>How callers invoke the function and retry it (the same for every policy); null for synchronous calls without retries.</summary>
    public InvocationOptions? Invocation { get; init; }

    /// <summary>The chance (0..1) that an executed request ends in a function error (the code's own failure); 0 by default.</summary>
    /// <remarks>Asynchronous invocations retry an error; synchronous callers do not (for Lambda it is a successful call carrying an error).</remarks>
    public double ErrorProbability { get; init; }

    /// <summary>The invocation, defaults applied.</summary>
    public InvocationOptions EffectiveInvocation => Invocation ?? InvocationOptions.Synchronous;
}
