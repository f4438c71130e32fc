using ServerlessSim.Policies.Batching;

namespace ServerlessSim.Platform.EventSources;

/// <summary>An SQS FIFO queue: each message group delivers in order, and no message of a group is received while another of it is in flight.</summary>
/// <remarks>
/// Each group keeps its messages in send order in a list (through <see cref="MessageTable.Next"/>); the messages in
/// flight are always a prefix of it. A group with visible messages and none in flight waits in a ring of available
/// groups, in the order it became available; a receive takes whole groups from the front (as many of each group's
/// messages as fit, in order), so one batch may hold several groups, in order within each (Lambda Developer Guide,
/// services-sqs-scaling, read 2026-12-02). A group becomes available again when its last in-flight message is
/// deleted or returns. Groups are numbered 0 to MessageGroups - 1.
/// </remarks>
internal sealed class FifoSqsQueue : SqsQueue
{
    private const int None = -1;
    private readonly int[] _head;
    private readonly int[] _tail;
    private readonly int[] _inFlight;
    private readonly bool[] _available;
    private readonly ValueRing<int> _availableGroups = new();

    public FifoSqsQueue(SqsQueueOptions options, MessageTable messages, IMessageOutcomes outcomes)
        : base(options, messages, outcomes)
    {
        var groups = options.MessageGroups;
        _head = new int[groups];
        _tail = new int[groups];
        _inFlight = new int[groups];
        _available = new bool[groups];
        Array.Fill(_head, None);
        Array.Fill(_tail, None);
    }

    /// <summary>Groups with a message in flight (which no receive may take from).</summary>
    public int GroupsInFlight { get; private set; }

    private protected override int TakeVisible(double now, int maxCount, long maxBytes, Span<int> slots)
    {
        var count = 0;
        var bytes = 0L;
        while (count < maxCount && _availableGroups.Count > 0)
        {
            var group = _availableGroups.Head;
            var message = _head[group];
            if (message == None)
            {
                // Every message of the group went (expired) while it waited.
                _available[group] = false;
                _availableGroups.Dequeue();
                continue;
            }

            var taken = 0;
            while (message != None && count < maxCount && bytes + Messages.SizeBytes[message] <= maxBytes)
            {
                bytes += Messages.SizeBytes[message];
                MarkInFlight(message, now);
                slots[count++] = message;
                taken++;
                message = Messages.Next[message];
            }

            if (message != None && count < maxCount)
            {
                LastReceiveHitPayload = true; // The group's next message does not fit.
            }

            if (taken == 0)
            {
                break;
            }

            _available[group] = false;
            _availableGroups.Dequeue();
            _inFlight[group] = taken;
            GroupsInFlight++;
        }

        return count;
    }

    private protected override void OnVisible(int slot)
    {
        var group = Messages.Group[slot];
        Messages.Next[slot] = None;
        if (_tail[group] == None)
        {
            _head[group] = slot;
        }
        else
        {
            Messages.Next[_tail[group]] = slot;
        }

        _tail[group] = slot;
        MakeAvailable(group);
    }

    private protected override void OnReturned(int slot) => EndInFlight(Messages.Group[slot]);

    private protected override void OnGone(int slot, bool wasInFlight)
    {
        var group = Messages.Group[slot];
        Unlink(group, slot);
        if (wasInFlight)
        {
            EndInFlight(group);
        }
    }

    private void EndInFlight(int group)
    {
        if (--_inFlight[group] == 0)
        {
            GroupsInFlight--;
            MakeAvailable(group);
        }
    }

    private void MakeAvailable(int group)
    {
        if (!_available[group] && _inFlight[group] == 0 && _head[group] != None)
        {
            _available[group] = true;
            _availableGroups.Enqueue(group);
        }
    }

    // Removes a message from its group's list: almost always the head (deletes, expiry and dead-lettering take the
    // in-flight prefix, at most 10 messages), so the walk is short.
    private void Unlink(int group, int slot)
    {
        var previous = None;
        var current = _head[group];
        while (current != slot)
        {
            previous = current;
            current = Messages.Next[current];
        }

        var next = Messages.Next[slot];
        if (previous == None)
        {
            _head[group] = next;
        }
        else
        {
            Messages.Next[previous] = next;
        }

        if (_tail[group] == slot)
        {
            _tail[group] = previous;
        }
    }
}
