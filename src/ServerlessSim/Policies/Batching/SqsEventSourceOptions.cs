namespace ServerlessSim.Policies.Batching;

/// <summary>
/// An Amazon SQS queue read by a Lambda event source mapping: pollers receive messages in batches, invoke the
/// function synchronously with each batch, and delete the batch's messages when the invocation succeeds.
/// </summary>
/// <remarks>
/// Defaults and ranges (Lambda Developer Guide, services-sqs-parameters and services-sqs-scaling; Lambda API reference,
/// EventSourceMappingConfiguration; CloudFormation ScalingConfig; all read 2026-12-02): batch size 10, at most 10,000
/// (FIFO 10); batching window 0 to 300 s (not for FIFO queues), at least 1 s when the batch size is above 10;
/// MaximumConcurrency 2 to 1,000 or none. A throttled invocation is retried until the batch's visibility timeout
/// ends; its messages then return to the queue with one more receive, and may go to the dead-letter queue
/// (over-pull). With <see cref="ReportBatchItemFailures"/> only the failed messages return (FIFO: the first failed
/// and every later one); without it a failed invocation returns the whole batch.
/// </remarks>
public sealed record SqsEventSourceOptions : BatchingOptions
{
    /// <summary>Lambda's default SQS batch size, 10 messages.</summary>
    public const int DefaultBatchSize = 10;

    /// <inheritdoc />
    public override string Kind => "sqs";

    /// <summary>The most messages in one batch (default 10; 1 to 10,000, FIFO 1 to 10).</summary>
    public override int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>The queue's attributes.</summary>
    public SqsQueueOptions Queue { get; init; } = new();

    /// <summary>The most batches invoked at once from this queue (MaximumConcurrency, 2 to 1,000); null for the pollers' own limit.</summary>
    public int? MaximumConcurrency { get; init; }

    /// <summary>Whether the function reports which messages failed (FunctionResponseTypes ReportBatchItemFailures), so only those return.</summary>
    public bool ReportBatchItemFailures { get; init; }

    /// <summary>How the pollers scale; null for Lambda's standard mode (5 batches, +300 a minute, up to 1,250).</summary>
    public PollerScalingOptions? Pollers { get; init; }

    /// <summary>The pollers' scaling, defaults applied.</summary>
    public PollerScalingOptions EffectivePollers => Pollers ?? new PollerScalingOptions();

    /// <summary>The most batches in process at once: the pollers' maximum, capped by <see cref="MaximumConcurrency"/>.</summary>
    public int EffectiveMaxConcurrency => Math.Min(EffectivePollers.MaxConcurrency, MaximumConcurrency ?? int.MaxValue);
}
