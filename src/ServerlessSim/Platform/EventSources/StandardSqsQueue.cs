using ServerlessSim.Policies.Batching;

namespace ServerlessSim.Platform.EventSources;

/// <summary>An SQS standard queue: a receive takes visible messages in the order they became visible (a returned message goes to the back).</summary>
/// <remarks>SQS promises only best-effort order; this order is one it may give, and it makes runs reproducible.</remarks>
internal sealed class StandardSqsQueue : SqsQueue
{
    // Visible messages as (slot, version) in the order they became visible; entries whose version moved on are stale.
    private readonly ValueRing<VisibleEntry> _visible = new();

    public StandardSqsQueue(SqsQueueOptions options, MessageTable messages, IMessageOutcomes outcomes)
        : base(options, messages, outcomes)
    {
    }

    private protected override int TakeVisible(double now, int maxCount, long maxBytes, Span<int> slots)
    {
        var count = 0;
        var bytes = 0L;
        while (count < maxCount && _visible.Count > 0)
        {
            var head = _visible.Head;
            if (Messages.Version[head.Slot] != head.Version)
            {
                _visible.Dequeue();
                continue;
            }

            bytes += Messages.SizeBytes[head.Slot];
            if (bytes > maxBytes)
            {
                LastReceiveHitPayload = true;
                break;
            }

            _visible.Dequeue();
            MarkInFlight(head.Slot, now);
            slots[count++] = head.Slot;
        }

        return count;
    }

    private protected override void OnVisible(int slot) => _visible.Enqueue(new VisibleEntry(slot, Messages.Version[slot]));

    private protected override void OnReturned(int slot) => OnVisible(slot);

    private protected override void OnGone(int slot, bool wasInFlight)
    {
        // A visible message that expires leaves a stale entry, skipped when it reaches the front.
    }

    private readonly record struct VisibleEntry(int Slot, int Version);
}
