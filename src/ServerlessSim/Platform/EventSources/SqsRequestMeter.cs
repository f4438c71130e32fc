using ServerlessSim.Cost;

namespace ServerlessSim.Platform.EventSources;

/// <summary>Counts the SQS API requests a run makes, as SQS bills them: one per call per started 64 KB of payload.</summary>
/// <remarks>
/// Sends: one SendMessage per message (the producers'). Receives: a ReceiveMessage returns at most 10 messages, so a
/// receive of n messages is ceil(n / 10) calls, each billed by its own payload. Deletes: the pollers delete a batch's
/// processed messages with DeleteMessageBatch, up to 10 a call (billed as one request each: receipt handles are
/// small). Empty receives: an idle poller long-polls for 20 s (SQS's longest wait), one request each; the event
/// source mapping's own polling is not documented in more detail, so idle polling is counted as poller-seconds / 20.
/// Chunk arithmetic is <see cref="QueueBilling"/>'s. As every count of a run, requests count for the messages sent in
/// the window (a call carrying any of them counts), whenever they are made; idle polling counts within the window.
/// </remarks>
internal sealed class SqsRequestMeter
{
    /// <summary>The most messages one ReceiveMessage or DeleteMessageBatch call carries.</summary>
    public const int MessagesPerCall = 10;

    /// <summary>The longest long-poll wait, in seconds (ReceiveMessage WaitTimeSeconds at most 20).</summary>
    public const double LongPollSeconds = 20;

    private readonly double _chunkBytes;
    private double _idlePollerSeconds;

    /// <param name="chunkBytes">Bytes per billed request (the price table's <c>sqs.requestChunkBytes</c>, 65,536).</param>
    public SqsRequestMeter(double chunkBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkBytes);
        _chunkBytes = chunkBytes;
    }

    /// <summary>Billed SendMessage requests.</summary>
    public long Sends { get; private set; }

    /// <summary>Billed ReceiveMessage requests that returned messages.</summary>
    public long Receives { get; private set; }

    /// <summary>Billed DeleteMessageBatch requests.</summary>
    public long Deletes { get; private set; }

    /// <summary>Billed empty ReceiveMessage requests (long polls that returned nothing).</summary>
    public long EmptyReceives => (long)Math.Floor(_idlePollerSeconds / LongPollSeconds);

    /// <summary>Every billed request.</summary>
    public long Total => Sends + Receives + Deletes + EmptyReceives;

    /// <summary>A message of <paramref name="bytes"/> bytes was sent.</summary>
    public void OnSend(long bytes) => Sends += Chunks(bytes);

    /// <summary>The messages at <paramref name="slots"/> were received, in that order (calls with no counted message are not counted).</summary>
    public void OnReceive(MessageTable messages, ReadOnlySpan<int> slots)
    {
        for (var start = 0; start < slots.Length; start += MessagesPerCall)
        {
            var bytes = 0L;
            var counted = false;
            var end = Math.Min(slots.Length, start + MessagesPerCall);
            for (var i = start; i < end; i++)
            {
                bytes += messages.SizeBytes[slots[i]];
                counted |= messages.Counted[slots[i]];
            }

            Receives += counted ? Chunks(bytes) : 0;
        }
    }

    /// <summary><paramref name="count"/> messages were deleted at once.</summary>
    public void OnDelete(int count) => Deletes += (count + MessagesPerCall - 1) / MessagesPerCall;

    /// <summary>Pollers waited for messages for <paramref name="pollerSeconds"/> poller-seconds in all.</summary>
    public void OnIdlePolling(double pollerSeconds) => _idlePollerSeconds += pollerSeconds;

    private long Chunks(long bytes) => QueueBilling.Chunks(bytes, _chunkBytes);
}
