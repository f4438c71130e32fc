using ServerlessSim.Engine;

namespace ServerlessSim.Policies.Batching;

/// <summary>The Amazon SQS queue in front of the function: its attributes that decide what happens to a message that is not deleted.</summary>
/// <remarks>
/// Defaults and ranges are the SQS API's (CreateQueue, read 2026-12-02): visibility timeout 30 s (0 to 12 h),
/// retention 4 days (60 s to 14 days), no redrive policy; a redrive policy's maxReceiveCount is 1 to 1,000.
/// </remarks>
public sealed record SqsQueueOptions
{
    /// <summary>SQS's default visibility timeout, 30 s.</summary>
    public static readonly SimDuration DefaultVisibilityTimeout = SimDuration.FromSeconds(30);

    /// <summary>SQS's default retention period, 4 days (345,600 s).</summary>
    public static readonly SimDuration DefaultRetentionPeriod = SimDuration.FromSeconds(345_600);

    /// <summary>How long a received message stays invisible to other receivers; if it is not deleted by then, it returns to the queue.</summary>
    public SimDuration VisibilityTimeout { get; init; } = DefaultVisibilityTimeout;

    /// <summary>
    /// The redrive policy: a message received this many times and still not deleted goes to the dead-letter queue
    /// when it next returns; null for no dead-letter queue (messages return until their retention ends).
    /// </summary>
    public int? MaxReceiveCount { get; init; }

    /// <summary>How long a message is kept, from when it was sent; older messages are dropped (expired), in flight or not.</summary>
    public SimDuration RetentionPeriod { get; init; } = DefaultRetentionPeriod;

    /// <summary>
    /// A FIFO queue: messages of a message group are delivered in order and, while any of them is in flight, no
    /// other message of the group is received; batches are at most 10 and take no batching window.
    /// </summary>
    public bool Fifo { get; init; }

    /// <summary>With <see cref="Fifo"/>, the number of message groups; each message joins one drawn uniformly.</summary>
    public int MessageGroups { get; init; } = 1;

    /// <summary>Whether a dead-letter queue is configured (<see cref="MaxReceiveCount"/> is set).</summary>
    public bool HasDeadLetterQueue => MaxReceiveCount is not null;
}
