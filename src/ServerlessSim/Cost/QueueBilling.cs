namespace ServerlessSim.Cost;

/// <summary>How queue (Amazon SQS) traffic turns into billed requests.</summary>
public static class QueueBilling
{
    /// <summary>The requests SQS bills for one API call carrying <paramref name="payloadBytes"/> bytes: one per started 64 KB chunk, at least one.</summary>
    /// <remarks>E.g. with 64 KB chunks (65,536 bytes): an empty receive or a 1 KB message is 1 request, 64 KB is 1, 64 KB + 1 byte is 2, 256 KB is 4.</remarks>
    /// <param name="payloadBytes">The payload of the call (a message, or a batch of messages), in bytes.</param>
    /// <param name="prices">The prices; their <see cref="PriceKeys.SqsRequestChunkBytes"/> row gives the chunk.</param>
    public static long BilledRequests(long payloadBytes, PriceTable prices)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadBytes);
        ArgumentNullException.ThrowIfNull(prices);
        return Chunks(payloadBytes, (double)prices[PriceKeys.SqsRequestChunkBytes].Value);
    }

    /// <summary>The requests billed for <paramref name="payloadBytes"/> bytes with chunks of <paramref name="chunkBytes"/> bytes (at least one).</summary>
    internal static long Chunks(long payloadBytes, double chunkBytes) => Math.Max(1L, (long)Math.Ceiling(payloadBytes / chunkBytes));
}
