using ServerlessSim.Policies.Batching;

namespace ServerlessSim.Platform.EventSources;

/// <summary>An Amazon SQS queue: messages are sent, received (then invisible until their visibility timeout), deleted, returned, dead-lettered or expired.</summary>
/// <remarks>
/// Every message is always in exactly one place, so at any instant
/// <c>Sent = Deleted + Visible + InFlight + DeadLettered + Expired</c>. A received message that is not deleted within
/// the visibility timeout returns to the queue; one that has then been received maxReceiveCount times goes to the
/// dead-letter queue instead (SQS moves it when it would be received once more: here, when it returns). Retention
/// counts from the send, the same for every message, so messages expire oldest first, in flight or not, and one
/// pending time (the oldest's) serves the whole queue. Which visible messages a receive takes is the subclass's:
/// <see cref="StandardSqsQueue"/> (in the order they became visible) or <see cref="FifoSqsQueue"/> (message groups).
/// No allocation per message once the arrays have grown to the peak number held. Not thread-safe.
/// </remarks>
internal abstract class SqsQueue
{
    private readonly IMessageOutcomes _outcomes;
    private readonly double _visibilityTimeout;
    private readonly double _retention;
    private readonly int _maxReceiveCount;
    private readonly SendOrder _bySend;
    private readonly ValueRing<InFlightEntry> _inFlight = new();

    private protected SqsQueue(SqsQueueOptions options, MessageTable messages, IMessageOutcomes outcomes)
    {
        Messages = messages;
        _outcomes = outcomes;
        _visibilityTimeout = options.VisibilityTimeout.Seconds;
        _retention = options.RetentionPeriod.Seconds;
        _maxReceiveCount = options.MaxReceiveCount ?? int.MaxValue;
        _bySend = new SendOrder(messages);
    }

    /// <summary>The messages' fields; a receive's slots index it.</summary>
    public MessageTable Messages { get; }

    public long Sent { get; private set; }

    public long Deleted { get; private set; }

    public long DeadLettered { get; private set; }

    public long Expired { get; private set; }

    /// <summary>Messages waiting to be received (ApproximateNumberOfMessagesVisible).</summary>
    public int Visible { get; private set; }

    /// <summary>Messages received and neither deleted nor returned (ApproximateNumberOfMessagesNotVisible).</summary>
    public int InFlight { get; private set; }

    /// <summary>Whether the last receive stopped at a message that did not fit its byte limit (so the batch is full by payload).</summary>
    public bool LastReceiveHitPayload { get; private protected set; }

    /// <summary>A queue of the kind <paramref name="options"/> asks for: FIFO or standard.</summary>
    public static SqsQueue Create(SqsQueueOptions options, MessageTable messages, IMessageOutcomes outcomes) =>
        options.Fifo ? new FifoSqsQueue(options, messages, outcomes) : new StandardSqsQueue(options, messages, outcomes);

    /// <summary>Sends a message of <paramref name="sizeBytes"/> bytes to group <paramref name="group"/> (FIFO; 0 otherwise) and returns its slot; it is visible at once.</summary>
    public int Send(double now, int sizeBytes, int group)
    {
        var slot = _bySend.Add(now, sizeBytes, group);
        Sent++;
        Visible++;
        OnVisible(slot);
        return slot;
    }

    /// <summary>
    /// Receives up to <paramref name="maxCount"/> visible messages totalling at most <paramref name="maxBytes"/> (it
    /// stops before the first that does not fit) into <paramref name="slots"/>; each is in flight until now plus the
    /// visibility timeout, and its receipt is its <see cref="MessageTable.Version"/> after the receive.
    /// </summary>
    /// <returns>How many were received.</returns>
    public int Receive(double now, int maxCount, long maxBytes, Span<int> slots)
    {
        ExpireDue(now);
        LastReceiveHitPayload = false;
        return maxCount <= 0 ? 0 : TakeVisible(now, Math.Min(maxCount, slots.Length), maxBytes, slots);
    }

    /// <summary>Deletes a received message if <paramref name="receipt"/> is its current one (a receipt from an earlier receive, or of a message gone, deletes nothing).</summary>
    /// <returns>Whether it was deleted.</returns>
    public bool Delete(int slot, int receipt)
    {
        if (Messages.State[slot] != MessageState.InFlight || Messages.Version[slot] != receipt)
        {
            return false;
        }

        InFlight--;
        Deleted++;
        OnGone(slot, wasInFlight: true);
        Messages.Release(slot);
        return true;
    }

    /// <summary>When the next received message's visibility timeout ends (+infinity if none is in flight).</summary>
    public double NextReturnSeconds
    {
        get
        {
            while (_inFlight.Count > 0)
            {
                ref readonly var head = ref _inFlight.Head;
                if (Messages.Version[head.Slot] == head.Version)
                {
                    return head.VisibleAtSeconds;
                }

                _inFlight.Dequeue();
            }

            return double.PositiveInfinity;
        }
    }

    /// <summary>When the oldest message expires (+infinity if the queue holds none).</summary>
    public double NextExpirySeconds => OldestSentSeconds + _retention;

    /// <summary>When the oldest message held (visible or in flight) was sent (+infinity if none): its age is ApproximateAgeOfOldestMessage.</summary>
    public double OldestSentSeconds => _bySend.OldestSentSeconds;

    /// <summary>Returns every message whose visibility timeout has ended by <paramref name="now"/>, or moves it to the dead-letter queue.</summary>
    public void ReturnDue(double now)
    {
        ExpireDue(now);
        while (NextReturnSeconds <= now)
        {
            var slot = _inFlight.Dequeue().Slot;
            InFlight--;
            if (Messages.ReceiveCount[slot] >= _maxReceiveCount)
            {
                DeadLettered++;
                _outcomes.OnDeadLettered(slot, now);
                OnGone(slot, wasInFlight: true);
                Messages.Release(slot);
            }
            else
            {
                Messages.State[slot] = MessageState.Visible;
                Messages.Version[slot]++;
                Visible++;
                OnReturned(slot);
                _outcomes.OnReturned(slot, now);
            }
        }
    }

    /// <summary>Drops every message sent at least the retention period before <paramref name="now"/>, in flight or not.</summary>
    public void ExpireDue(double now)
    {
        while (NextExpirySeconds <= now)
        {
            var slot = _bySend.Oldest;
            var wasInFlight = Messages.State[slot] == MessageState.InFlight;
            if (wasInFlight)
            {
                InFlight--;
            }
            else
            {
                Visible--;
            }

            Expired++;
            _outcomes.OnExpired(slot, now);
            OnGone(slot, wasInFlight);
            Messages.Release(slot);
        }
    }

    /// <summary>Takes up to <paramref name="maxCount"/> visible messages within <paramref name="maxBytes"/>, calling <see cref="MarkInFlight"/> for each.</summary>
    private protected abstract int TakeVisible(double now, int maxCount, long maxBytes, Span<int> slots);

    /// <summary>A message was sent and is visible.</summary>
    private protected abstract void OnVisible(int slot);

    /// <summary>A message's visibility timeout ended and it is visible again.</summary>
    private protected abstract void OnReturned(int slot);

    /// <summary>A message is about to be freed (deleted, dead-lettered or expired).</summary>
    private protected abstract void OnGone(int slot, bool wasInFlight);

    private protected void MarkInFlight(int slot, double now)
    {
        Messages.State[slot] = MessageState.InFlight;
        Messages.ReceiveCount[slot]++;
        var version = ++Messages.Version[slot];
        Visible--;
        InFlight++;
        _inFlight.Enqueue(new InFlightEntry(slot, version, now + _visibilityTimeout));
    }

    private readonly record struct InFlightEntry(int Slot, int Version, double VisibleAtSeconds);
}
