using ServerlessSim.Engine;

namespace ServerlessSim.Policies.Batching;

/// <summary>
/// An Amazon Kinesis data stream read by a Lambda event source mapping: each shard is read in order, up to
/// <see cref="ParallelizationFactor"/> batches at once per shard, records of one partition key always in the same
/// lane so their order holds.
/// </summary>
/// <remarks>
/// Documented (Lambda Developer Guide, with-kinesis and services-kinesis-parameters, read 2026-12-02): a standard
/// iterator polls each shard once per second; batch size 100 by default, at most 10,000; batching window 0 to 300 s;
/// parallelization factor 1 to 10; a failed batch is retried, blocking its shard (lane), until it succeeds, its
/// records expire, or <see cref="MaximumRetryAttempts"/> is reached; then its records are discarded. Records go to
/// shards and lanes by their partition key (modelled as a key drawn uniformly among <see cref="PartitionKeys"/>).
/// Not modelled: enhanced fan-out's push (a short <see cref="PollInterval"/>, e.g. 0.07 s, approximates it), bisecting failed
/// batches, partial batch responses, on-failure destinations, tumbling windows.
/// </remarks>
public sealed record KinesisEventSourceOptions : BatchingOptions
{
    /// <summary>Lambda's default Kinesis batch size, 100 records.</summary>
    public const int DefaultBatchSize = 100;

    /// <inheritdoc />
    public override string Kind => "kinesis";

    /// <summary>The most records in one batch (default 100; 1 to 10,000).</summary>
    public override int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>The stream's shards.</summary>
    public int Shards { get; init; } = 1;

    /// <summary>Concurrent batches per shard (1 to 10).</summary>
    public int ParallelizationFactor { get; init; } = 1;

    /// <summary>Distinct partition keys the producers use; each record's key is drawn uniformly among them.</summary>
    public int PartitionKeys { get; init; } = 1_000;

    /// <summary>How often each shard is polled (standard iterator: 1 s; more than 0, at most 60 s); a record becomes readable at the next poll after it arrives.</summary>
    public SimDuration PollInterval { get; init; } = SimDuration.FromSeconds(1);

    /// <summary>How long the stream keeps a record (24 hours by default; 24 hours to 365 days); older records are dropped unread.</summary>
    public SimDuration RetentionPeriod { get; init; } = SimDuration.FromSeconds(BatchingLimits.KinesisMinRetentionSeconds);

    /// <summary>Retries of a failed batch before its records are discarded (0 to 10,000); null to retry until the records expire (AWS's default, -1).</summary>
    public int? MaximumRetryAttempts { get; init; }
}
