using ServerlessSim.Engine;

namespace ServerlessSim.Policies.Batching;

/// <summary>How Lambda's pollers scale the concurrent batches an SQS event source processes (standard mode, not provisioned mode).</summary>
/// <remarks>
/// Documented (read 2026-12-02): when messages are available Lambda processes five batches at once, adds up to 300
/// concurrent batches a minute while messages remain, up to a maximum, and scales back when traffic falls (Lambda
/// Developer Guide, services-sqs-scaling). The maximum is 1,250 in the AWS Knowledge Center (lambda-sqs-scaling) and
/// the Compute Blog post announcing the faster scale-up (November 2023), 1,000 in the Developer Guide's text: 1,250
/// here, configurable. Not documented, and assumed: the increase is applied continuously (300 a minute = 5 a second);
/// the decrease when no message is waiting is as fast; a throttled invocation lowers the concurrency by one (Lambda
/// "gradually backs off") and is retried after <see cref="ThrottleBackoffInitial"/>, doubling up to
/// <see cref="ThrottleBackoffMax"/>, until the batch's visibility timeout ends.
/// </remarks>
public sealed record PollerScalingOptions
{
    /// <summary>Concurrent batches when messages first become available (5).</summary>
    public int InitialConcurrency { get; init; } = 5;

    /// <summary>Concurrent batches added per minute while messages remain (300).</summary>
    public double IncreasePerMinute { get; init; } = 300;

    /// <summary>The most concurrent batches one event source processes (1,250), before its MaximumConcurrency.</summary>
    public int MaxConcurrency { get; init; } = 1_250;

    /// <summary>The wait before retrying a throttled invocation the first time (1 s, as Lambda's asynchronous retries).</summary>
    public SimDuration ThrottleBackoffInitial { get; init; } = SimDuration.FromSeconds(1);

    /// <summary>The longest wait between retries of a throttled invocation (5 minutes, as Lambda's asynchronous retries).</summary>
    public SimDuration ThrottleBackoffMax { get; init; } = SimDuration.FromMinutes(5);

    /// <summary>
    /// The time one ReceiveMessage call takes (20 ms, assumed): while a batch gathers, messages that arrive within one
    /// call of the last are received together by the next call, so a busy queue is read in calls of several messages.
    /// </summary>
    /// <remarks>
    /// Not documented. AWS's SQS FAQ put a single-threaded client at 5 to 50 messages a second (20 to 200 ms a call);
    /// course material quotes under 10 ms. It decides the receives billed, not the batches: a batch still takes every
    /// message waiting when it opens.
    /// </remarks>
    public SimDuration ReceiveRoundTrip { get; init; } = SimDuration.FromMilliseconds(20);
}
