namespace ServerlessSim.Randomness;

/// <summary>What a random substream is used for; each purpose gets an independent stream.</summary>
/// <remarks>
/// Arrivals and work have their own streams, separate from cold starts, so that two policies run on the same seed
/// see exactly the same requests (common random numbers) even though they start different numbers of instances.
/// </remarks>
public enum StreamPurpose
{
    /// <summary>Arrival times.</summary>
    Arrivals = 1,

    /// <summary>Each request's CPU demand and IO wait.</summary>
    Work = 2,

    /// <summary>Cold-start (initialisation) durations.</summary>
    ColdStart = 3,

    /// <summary>Policy decisions that are random (a random idle-instance choice, say).</summary>
    Policy = 4,

    /// <summary>Thinning or replicating a trace's arrivals when it is rate-scaled (seeded by the trace options, once per load, not per run).</summary>
    TraceScaling = 5,

    /// <summary>Dispatch draws on autoscaled platforms (the two instances of power of two choices).</summary>
    Dispatch = 10,

    /// <summary>The memory each request holds on an instance with a memory limit.</summary>
    Memory = 11,

    /// <summary>Delays of retries: a client's backoff jitter, Lambda's asynchronous queue's.</summary>
    Retries = 12,

    /// <summary>Which executed attempts end in a function error.</summary>
    Errors = 13,

    /// <summary>Each message's size and its message group or partition key (batching policies).</summary>
    Batching = 20,
}
