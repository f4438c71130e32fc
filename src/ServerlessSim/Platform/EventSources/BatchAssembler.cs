namespace ServerlessSim.Platform.EventSources;

/// <summary>Gathers one batch from an SQS queue: receives what fits, and says when the batch is due (<see cref="BatchTrigger"/>).</summary>
/// <remarks>
/// Holds the slots and receipts of the messages received so far in arrays of the batch size, allocated once. The
/// messages are in flight from their receive, so their visibility timeout runs while the batch gathers.
/// </remarks>
internal sealed class BatchAssembler
{
    private readonly int[] _slots;
    private readonly int[] _receipts;

    public BatchAssembler(BatchTrigger trigger)
    {
        Trigger = trigger;
        _slots = new int[trigger.BatchSize];
        _receipts = new int[trigger.BatchSize];
    }

    public BatchTrigger Trigger { get; }

    /// <summary>Messages gathered.</summary>
    public int Count { get; private set; }

    /// <summary>Their payload, in bytes.</summary>
    public long Bytes { get; private set; }

    /// <summary>Whether the next message did not fit the payload cap.</summary>
    public bool PayloadFull { get; private set; }

    /// <summary>When the first message was received (NaN while empty).</summary>
    public double OpenedSeconds { get; private set; } = double.NaN;

    public ReadOnlySpan<int> Slots => _slots.AsSpan(0, Count);

    public ReadOnlySpan<int> Receipts => _receipts.AsSpan(0, Count);

    /// <summary>When the batch is due at the latest (+infinity while empty).</summary>
    public double Deadline => Count == 0 ? double.PositiveInfinity : Trigger.Deadline(OpenedSeconds);

    /// <summary>Whether the batch must be invoked at <paramref name="now"/>.</summary>
    public bool IsDue(double now) => Trigger.IsDue(Count, Bytes, PayloadFull, OpenedSeconds, now);

    /// <summary>Receives from <paramref name="queue"/> what fits in the batch; returns how many messages were received.</summary>
    public int ReceiveFrom(SqsQueue queue, double now)
    {
        if (Count == Trigger.BatchSize || PayloadFull)
        {
            return 0;
        }

        var bytesLeft = Trigger.MaxPayloadBytes - Bytes;
        var received = queue.Receive(now, Trigger.BatchSize - Count, bytesLeft, _slots.AsSpan(Count));
        PayloadFull = queue.LastReceiveHitPayload && Count + received > 0;
        if (received == 0)
        {
            return 0;
        }

        if (Count == 0)
        {
            OpenedSeconds = now;
        }

        var messages = queue.Messages;
        for (var i = Count; i < Count + received; i++)
        {
            _receipts[i] = messages.Version[_slots[i]];
            Bytes += messages.SizeBytes[_slots[i]];
        }

        Count += received;
        return received;
    }

    /// <summary>Empties the batch for the next one.</summary>
    public void Clear()
    {
        Count = 0;
        Bytes = 0;
        PayloadFull = false;
        OpenedSeconds = double.NaN;
    }
}
