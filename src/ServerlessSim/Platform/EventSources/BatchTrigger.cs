namespace ServerlessSim.Platform.EventSources;

/// <summary>When a gathering batch is invoked: it is full (batch size, or the 6 MB payload), or its batching window has ended.</summary>
/// <remarks>
/// The window opens with the batch's first message (AWS: "the next batching window begins as soon as the previous
/// function invocation completes"; a poller with nothing to gather waits for a message, so the two agree whenever
/// messages wait). With a window of 0 a batch is invoked with whatever its receive returned.
/// </remarks>
/// <param name="BatchSize">The most messages in a batch.</param>
/// <param name="WindowSeconds">The batching window.</param>
/// <param name="MaxPayloadBytes">The most bytes in a batch.</param>
internal readonly record struct BatchTrigger(int BatchSize, double WindowSeconds, long MaxPayloadBytes)
{
    /// <summary>Whether a batch of <paramref name="count"/> messages and <paramref name="bytes"/> bytes has no room left.</summary>
    public bool IsFull(int count, long bytes) => count >= BatchSize || bytes >= MaxPayloadBytes;

    /// <summary>When a batch opened at <paramref name="openedSeconds"/> is invoked at the latest.</summary>
    public double Deadline(double openedSeconds) => openedSeconds + WindowSeconds;

    /// <summary>Whether a batch must be invoked now: it holds a message and is full, out of payload room for the next, or out of time.</summary>
    public bool IsDue(int count, long bytes, bool payloadFull, double openedSeconds, double now) =>
        count > 0 && (payloadFull || IsFull(count, bytes) || now >= Deadline(openedSeconds));
}
