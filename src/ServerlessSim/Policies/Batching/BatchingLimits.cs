namespace ServerlessSim.Policies.Batching;

/// <summary>The documented limits of Amazon SQS, Amazon Kinesis Data Streams and Lambda event source mappings, as the options check them.</summary>
/// <remarks>
/// Read 2026-12-02 from the AWS Lambda Developer Guide (services-sqs-parameters, services-sqs-scaling,
/// invocation-eventsourcemapping, with-kinesis), the Lambda API reference (EventSourceMappingConfiguration), the
/// CloudFormation reference (AWS::Lambda::EventSourceMapping ScalingConfig) and the Amazon SQS API reference
/// (CreateQueue, ChangeMessageVisibility); docs/batching.md lists every rule with its source.
/// </remarks>
public static class BatchingLimits
{
    /// <summary>The largest SQS batch for a standard queue (BatchSize), in messages.</summary>
    public const int SqsMaxBatchSize = 10_000;

    /// <summary>The largest SQS batch for a FIFO queue, in messages.</summary>
    public const int SqsFifoMaxBatchSize = 10;

    /// <summary>The largest batch without a batching window: a BatchSize above this needs a window of at least 1 s.</summary>
    public const int MaxBatchSizeWithoutWindow = 10;

    /// <summary>The largest Kinesis batch (BatchSize), in records.</summary>
    public const int KinesisMaxBatchSize = 10_000;

    /// <summary>The longest batching window (MaximumBatchingWindowInSeconds), in whole seconds.</summary>
    public const int MaxBatchingWindowSeconds = 300;

    /// <summary>The smallest and largest MaximumConcurrency of an SQS event source, in concurrent invocations.</summary>
    public const int MinMaximumConcurrency = 2;

    /// <summary>The largest MaximumConcurrency of an SQS event source, in concurrent invocations.</summary>
    public const int MaxMaximumConcurrency = 1_000;

    /// <summary>The payload limit of a synchronous invocation, which caps a batch: 6 MB (6 x 1,048,576 bytes).</summary>
    public const long MaxPayloadBytes = 6L * 1024 * 1024;

    /// <summary>The longest SQS visibility timeout, in seconds (12 hours).</summary>
    public const double MaxVisibilityTimeoutSeconds = 43_200;

    /// <summary>The shortest SQS message retention period, in seconds (1 minute).</summary>
    public const double MinRetentionSeconds = 60;

    /// <summary>The longest SQS message retention period, in seconds (14 days).</summary>
    public const double MaxRetentionSeconds = 1_209_600;

    /// <summary>The largest maxReceiveCount of an SQS redrive policy.</summary>
    public const int MaxReceiveCount = 1_000;

    /// <summary>The largest Kinesis parallelization factor (concurrent batches per shard).</summary>
    public const int MaxParallelizationFactor = 10;

    /// <summary>The shortest Kinesis retention period, in seconds (24 hours).</summary>
    public const double KinesisMinRetentionSeconds = 86_400;

    /// <summary>The longest Kinesis retention period, in seconds (365 days).</summary>
    public const double KinesisMaxRetentionSeconds = 31_536_000;

    /// <summary>The most retries of a failed Kinesis batch that can be configured (MaximumRetryAttempts).</summary>
    public const int KinesisMaxRetryAttempts = 10_000;

    /// <summary>The largest message the model accepts, in bytes (1 MiB; a larger draw is clamped to it).</summary>
    public const double MaxMessageBytes = 1_048_576;
}
