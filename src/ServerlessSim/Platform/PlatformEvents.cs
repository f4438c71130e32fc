namespace ServerlessSim.Platform;

/// <summary>The platform's event kinds and what each event's target and tag mean.</summary>
internal static class PlatformEvents
{
    /// <summary>A request arrives; target: the function.</summary>
    public const int Arrival = 0;

    /// <summary>An instance finished initialising; target: the function's instance (under per-request scaling its code: slot, or ~slot if provisioned), tag: the function.</summary>
    public const int InitDone = 1;

    /// <summary>A request finished; target: the function's request, tag: the function.</summary>
    public const int RequestDone = 2;

    /// <summary>An instance's earliest CPU phase may be done; target: the account-wide instance id, tag: a version.</summary>
    public const int CpuDone = 3;

    /// <summary>The oldest idle instance may have expired; target: the function.</summary>
    public const int IdleSweep = 4;

    /// <summary>The oldest request in a front queue may have timed out; target: the function.</summary>
    public const int QueueTimeout = 5;

    /// <summary>An autoscaler decides; target: the function, tag: <see cref="RegularTick"/> or <see cref="Poke"/>.</summary>
    public const int AutoscalerTick = 6;

    /// <summary>A request's callers retry it; target: its record in <see cref="Callers"/>, tag: the function.</summary>
    public const int Retry = 7;

    /// <summary>An environment's second initialisation ran over the function timeout; target: its code (slot, or ~slot if provisioned), tag: the function.</summary>
    public const int InitFailed = 8;

    /// <summary>The earliest idle deadline may have come (a drawn idle lifetime, the hybrid policy); target: the function, tag: a version.</summary>
    public const int KeepAliveCheck = 9;

    /// <summary>The earliest end of an environment's life may have come; target: the function, tag: a version.</summary>
    public const int LifetimeCheck = 10;

    /// <summary>The provisioned concurrency changes; target: the function, tag: the schedule's occurrence.</summary>
    public const int ProvisionedChange = 11;

    /// <summary>The hybrid policy pre-warms environments; target: the function, tag: a version.</summary>
    public const int Prewarm = 12;

    /// <summary>An event source's gathering batch may be due (its batching window ends) or may receive again; target: unused, tag: the function.</summary>
    public const int BatchWindowEnd = 40;

    /// <summary>An SQS queue's earliest visibility timeout or retention end may have come; target: unused, tag: the function.</summary>
    public const int QueueTimer = 41;

    /// <summary>An event source's pollers may take one more batch (their concurrency rose); target: unused, tag: the function.</summary>
    public const int PollerScale = 42;

    /// <summary>A throttled batch is invoked again, or given up; target: the batch, tag: the function.</summary>
    public const int BatchRetry = 43;

    /// <summary>A Kinesis stream's shards are polled; target: unused, tag: the function.</summary>
    public const int StreamPoll = 44;

    /// <summary>The tag of an autoscaler's regular tick, which schedules the next one.</summary>
    public const int RegularTick = 0;

    /// <summary>The tag of an extra decision at once (a request arrived to a pool of zero), which schedules nothing.</summary>
    public const int Poke = 1;
}
