using ServerlessSim.Configuration;
using ServerlessSim.Engine;
using ServerlessSim.Randomness;

namespace ServerlessSim.Policies.Batching;

/// <summary>
/// An event source in front of the function: requests become messages (records) that Lambda's pollers read in
/// batches, invoking the function once per batch. <see cref="SqsEventSourceOptions"/> (a queue) or
/// <see cref="KinesisEventSourceOptions"/> (a stream).
/// </summary>
/// <remarks>
/// A batch is invoked when it holds <see cref="BatchSize"/> messages, when its payload would pass 6 MB
/// (<see cref="BatchingLimits.MaxPayloadBytes"/>), or when its <see cref="BatchingWindow"/> ends, whichever comes first
/// (Lambda Developer Guide, invocation-eventsourcemapping, "Batching behavior", read 2026-12-02). The window opens
/// when the batch takes its first message. Each message's work is the function's work profile; how a batch's work
/// adds up is <see cref="Execution"/>.
/// </remarks>
public abstract record BatchingOptions
{
    /// <summary>The size of every message when none is given: 1 KB (1,024 bytes).</summary>
    public static readonly IDistribution DefaultMessageSizeBytes = new ConstantDistribution(1024);

    private protected BatchingOptions()
    {
    }

    /// <summary>A short name for reports and results: <c>sqs</c> or <c>kinesis</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>The most messages in one batch (one invocation).</summary>
    public abstract int BatchSize { get; init; }

    /// <summary>How long a batch may gather messages after its first (MaximumBatchingWindowInSeconds: whole seconds, 0 to 300; 0 invokes with what is there).</summary>
    public SimDuration BatchingWindow { get; init; } = SimDuration.Zero;

    /// <summary>Each message's size in bytes (a distribution over bytes, not seconds; draws above 1 MiB are taken as 1 MiB).</summary>
    /// <remarks>Sizes decide the 6 MB payload cap and the SQS requests billed (one per started 64 KB).</remarks>
    public IDistribution MessageSizeBytes { get; init; } = DefaultMessageSizeBytes;

    /// <summary>How the handler works through a batch; null for one message after another.</summary>
    public BatchExecutionOptions? Execution { get; init; }

    /// <summary>The execution model, defaults applied.</summary>
    public BatchExecutionOptions EffectiveExecution => Execution ?? BatchExecutionOptions.Sequential;

    /// <summary>An SQS standard queue with Lambda's defaults (batch 10, no window, no maximum concurrency, visibility timeout 30 s, no dead-letter queue).</summary>
    public static SqsEventSourceOptions Sqs() => new();

    /// <summary>
    /// An SQS standard queue of batches of <paramref name="batchSize"/> gathered for up to <paramref name="window"/>
    /// (a batch above 10 needs a window of at least 1 s), invoking at most <paramref name="maximumConcurrency"/>
    /// batches at once (null: the pollers' own limit), with a dead-letter queue after
    /// <paramref name="maxReceiveCount"/> receives (null: none).
    /// </summary>
    public static SqsEventSourceOptions Sqs(int batchSize, SimDuration window, int? maximumConcurrency = null, int? maxReceiveCount = null) => new()
    {
        BatchSize = batchSize,
        BatchingWindow = window,
        MaximumConcurrency = maximumConcurrency,
        Queue = new SqsQueueOptions { MaxReceiveCount = maxReceiveCount },
    };

    /// <summary>An SQS FIFO queue with <paramref name="messageGroups"/> message groups, batches of up to <paramref name="batchSize"/> (at most 10).</summary>
    public static SqsEventSourceOptions SqsFifo(int messageGroups, int batchSize = 10) => new()
    {
        BatchSize = batchSize,
        Queue = new SqsQueueOptions { Fifo = true, MessageGroups = messageGroups },
    };

    /// <summary>A Kinesis data stream of <paramref name="shards"/> shards read with a parallelization factor of <paramref name="parallelizationFactor"/>, batches of 100.</summary>
    public static KinesisEventSourceOptions Kinesis(int shards, int parallelizationFactor = 1) => new()
    {
        Shards = shards,
        ParallelizationFactor = parallelizationFactor,
    };

    /// <summary>Every problem with these options, each naming its field (under <paramref name="path"/>), value and rule; empty when valid.</summary>
    /// <param name="path">The path to name fields under, e.g. <c>policies[2].batching</c>.</param>
    public IReadOnlyList<ValidationError> Validate(string path = "batching")
    {
        var errors = new ValidationErrors();
        BatchingValidator.Validate(this, path, errors);
        return errors.All;
    }
}
