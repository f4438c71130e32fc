using ServerlessSim.Policies.Batching;

namespace ServerlessSim.Policies;

public static partial class Presets
{
    /// <summary>
    /// AWS Lambda behind an Amazon SQS standard queue with the event source mapping's defaults: batches of up to 10
    /// messages, no batching window, no maximum concurrency (the pollers' 5, +300 a minute, up to 1,250), visibility
    /// timeout 30 s, no dead-letter queue (<see cref="SqsEventSourceOptions"/>). Billed as Lambda plus the SQS requests.
    /// </summary>
    /// <remarks>E.g. <c>Presets.SqsBatching with { Batching = BatchingOptions.Sqs(100, SimDuration.FromSeconds(5)) }</c> for batches of 100 gathered for up to 5 s.</remarks>
    public static PolicyOptions SqsBatching { get; } = PolicyOptions.Batched(BatchingOptions.Sqs(), "sqs-batching") with { Preset = "sqsBatching" };
}
