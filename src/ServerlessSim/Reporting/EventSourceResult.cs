using ServerlessSim.Metrics;

namespace ServerlessSim.Reporting;

/// <summary>What a batching policy's event source (an SQS queue, a Kinesis stream) measured over the window.</summary>
/// <remarks>
/// Counts are of the messages sent in the window and of the batches holding any of them, whatever happens to them
/// later (the run drains), so <c>Sent = Processed + DeadLettered + Expired</c> once drained, and invocations are the
/// ones billed. SQS requests are those made in the window; time-weighted values cover the window.
/// </remarks>
/// <param name="Source"><c>sqs</c> or <c>kinesis</c>.</param>
/// <param name="Sent">Messages sent in the window (the requests).</param>
/// <param name="Processed">Of those, messages processed and deleted (the completed requests).</param>
/// <param name="DeadLettered">Of those, messages moved to the dead-letter queue (SQS) or discarded after their retries (Kinesis).</param>
/// <param name="Expired">Of those, messages dropped at the end of their retention period.</param>
/// <param name="Invocations">Batches invoked (function invocations that ran).</param>
/// <param name="BatchSize">Messages per invocation: mean, median, 99th percentile and most.</param>
/// <param name="ThrottledInvocations">Invocation attempts rejected by a concurrency or scaling limit (each retry counts).</param>
/// <param name="FailedInvocations">Invocations that ended with a function error.</param>
/// <param name="ReturnedMessages">Times a received message returned to the queue when its visibility timeout ended (over-pull and failures).</param>
/// <param name="DuplicateProcessing">Times a message was processed but could not be deleted (its receipt was stale: it had returned and been received again, or expired), so it is processed again or lost.</param>
/// <param name="DepthMean">Messages held (waiting or in flight), time-averaged.</param>
/// <param name="DepthMax">Most messages held at once.</param>
/// <param name="OldestAgeSecondsMean">The age of the oldest message held, time-averaged, in seconds (ApproximateAgeOfOldestMessage).</param>
/// <param name="OldestAgeSecondsMax">Its highest, in seconds.</param>
/// <param name="IteratorAgeMsMax">Kinesis: the highest iterator age at an invocation (its batch's last record's age), in ms; 0 for SQS.</param>
/// <param name="Requests">SQS requests as billed (one per call per started 64 KB); all zero for Kinesis.</param>
/// <param name="TimeSeries">The queue at the run's time-series step, warm-up included.</param>
public sealed record EventSourceResult(
    string Source,
    long Sent,
    long Processed,
    long DeadLettered,
    long Expired,
    long Invocations,
    BatchSizeSummary BatchSize,
    long ThrottledInvocations,
    long FailedInvocations,
    long ReturnedMessages,
    long DuplicateProcessing,
    double DepthMean,
    double DepthMax,
    double OldestAgeSecondsMean,
    double OldestAgeSecondsMax,
    double IteratorAgeMsMax,
    QueueRequestCounts Requests,
    IReadOnlyList<EventSourcePoint> TimeSeries)
{
    /// <summary>The scalar metrics, in a fixed order, named as in the results document (<c>batching.*</c>).</summary>
    public IReadOnlyList<(string Name, double Value)> ToMetrics() =>
    [
        ("batching.processed", Processed),
        ("batching.deadLettered", DeadLettered),
        ("batching.expired", Expired),
        ("batching.invocations", Invocations),
        ("batching.batchSizeMean", BatchSize.Mean),
        ("batching.batchSizeP50", BatchSize.P50),
        ("batching.batchSizeP99", BatchSize.P99),
        ("batching.batchSizeMax", BatchSize.Max),
        ("batching.throttledInvocations", ThrottledInvocations),
        ("batching.failedInvocations", FailedInvocations),
        ("batching.returnedMessages", ReturnedMessages),
        ("batching.duplicateProcessing", DuplicateProcessing),
        ("batching.depthMean", DepthMean),
        ("batching.depthMax", DepthMax),
        ("batching.oldestAgeSecondsMean", OldestAgeSecondsMean),
        ("batching.oldestAgeSecondsMax", OldestAgeSecondsMax),
        ("batching.iteratorAgeMsMax", IteratorAgeMsMax),
        ("batching.sqsRequests", Requests.Total),
    ];
}

/// <summary>Messages per invocation.</summary>
/// <param name="Mean">The mean.</param>
/// <param name="P50">The median.</param>
/// <param name="P99">The 99th percentile.</param>
/// <param name="Max">The largest.</param>
public sealed record BatchSizeSummary(double Mean, double P50, double P99, double Max);

/// <summary>SQS requests as billed, by API.</summary>
/// <param name="Sends">SendMessage requests.</param>
/// <param name="Receives">ReceiveMessage requests that returned messages.</param>
/// <param name="Deletes">DeleteMessageBatch requests.</param>
/// <param name="EmptyReceives">ReceiveMessage long polls that returned nothing.</param>
public sealed record QueueRequestCounts(long Sends, long Receives, long Deletes, long EmptyReceives)
{
    /// <summary>Every billed request.</summary>
    public long Total => Sends + Receives + Deletes + EmptyReceives;
}
