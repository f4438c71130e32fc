namespace ServerlessSim.Platform.EventSources;

/// <summary>The messages held, in the order they were sent: the oldest first, for retention and the oldest message's age.</summary>
/// <remarks>
/// Each message gets a serial (<see cref="MessageTable.Serial"/>) when added; a message that leaves stays in the ring
/// until it reaches the front, where its freed slot's serial no longer matches and it is skipped. Retention is the
/// same for every message, so they expire in this order. Amortised O(1); no allocation once the ring has grown.
/// </remarks>
internal sealed class SendOrder
{
    private readonly MessageTable _messages;
    private readonly ValueRing<(int Slot, long Serial)> _ring = new();
    private long _nextSerial;

    public SendOrder(MessageTable messages) => _messages = messages;

    /// <summary>The serial the next message will get: every message added so far has a lower one.</summary>
    public long NextSerial => _nextSerial;

    /// <summary>Takes a new slot for a message sent at <paramref name="sentSeconds"/>, visible, never received, and puts it last.</summary>
    public int Add(double sentSeconds, int sizeBytes, int group)
    {
        var slot = _messages.Allocate();
        _messages.SentSeconds[slot] = sentSeconds;
        _messages.SizeBytes[slot] = sizeBytes;
        _messages.Group[slot] = group;
        _messages.ReceiveCount[slot] = 0;
        _messages.State[slot] = MessageState.Visible;
        _messages.Next[slot] = -1;
        _messages.Serial[slot] = _nextSerial;
        _ring.Enqueue((slot, _nextSerial++));
        return slot;
    }

    /// <summary>The oldest message still held, or -1 if none.</summary>
    public int Oldest
    {
        get
        {
            while (_ring.Count > 0)
            {
                var (slot, serial) = _ring.Head;
                if (_messages.Serial[slot] == serial)
                {
                    return slot;
                }

                _ring.Dequeue();
            }

            return -1;
        }
    }

    /// <summary>When the oldest message held was sent (+infinity if none).</summary>
    public double OldestSentSeconds => Oldest is var slot and >= 0 ? _messages.SentSeconds[slot] : double.PositiveInfinity;
}
