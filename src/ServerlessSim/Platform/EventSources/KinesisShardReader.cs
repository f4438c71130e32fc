using ServerlessSim.Policies.Batching;

namespace ServerlessSim.Platform.EventSources;

/// <summary>
/// The records of a Kinesis data stream as Lambda's event source mapping reads them: per shard, in order, up to the
/// parallelization factor batches at once (one per lane), records of one partition key always in the same lane.
/// </summary>
/// <remarks>
/// A record's partition key picks its shard (key mod shards) and its lane in the shard ((key / shards) mod factor),
/// which keeps the keys spread evenly and each key's records in order. Records become readable at the next poll
/// (<see cref="Poll"/>: the standard iterator polls each shard once per second). A lane processes one batch at a time:
/// the batch is its readable prefix, taken when it is full (batch size or 6 MB) or when the batching window that
/// opened with its first readable record has ended. A failed batch stays at the front of its lane and is retried
/// until it succeeds or its retries run out (then its records are discarded); records older than the retention period
/// are dropped unread, oldest first (one in a batch being processed is dropped only after its batch ends). At any
/// instant <c>Appended = Processed + Discarded + Expired + Pending + InProcess</c>. Not thread-safe.
/// </remarks>
internal sealed class KinesisShardReader
{
    private const int None = -1;
    private readonly MessageTable _records;
    private readonly IMessageOutcomes _outcomes;
    private readonly BatchTrigger _trigger;
    private readonly int _shards;
    private readonly int _factor;
    private readonly double _retention;
    private readonly int _maxRetries;
    private readonly int[] _head;
    private readonly int[] _tail;
    private readonly int[] _batch;
    private readonly int[] _attempts;
    private readonly double[] _opened;
    private readonly SendOrder _bySend;
    private long _readableBelow;

    public KinesisShardReader(KinesisEventSourceOptions options, MessageTable records, IMessageOutcomes outcomes)
    {
        _records = records;
        _outcomes = outcomes;
        _trigger = new BatchTrigger(options.BatchSize, options.BatchingWindow.Seconds, BatchingLimits.MaxPayloadBytes);
        _shards = options.Shards;
        _factor = options.ParallelizationFactor;
        _retention = options.RetentionPeriod.Seconds;
        _maxRetries = options.MaximumRetryAttempts ?? int.MaxValue;
        _bySend = new SendOrder(records);
        Lanes = _shards * _factor;
        _head = new int[Lanes];
        _tail = new int[Lanes];
        _batch = new int[Lanes];
        _attempts = new int[Lanes];
        _opened = new double[Lanes];
        Array.Fill(_head, None);
        Array.Fill(_tail, None);
        Array.Fill(_opened, double.NaN);
    }

    /// <summary>Lanes: shards x parallelization factor; lane l reads shard l / factor.</summary>
    public int Lanes { get; }

    public long Appended { get; private set; }

    public long Processed { get; private set; }

    public long Discarded { get; private set; }

    public long Expired { get; private set; }

    /// <summary>Records waiting in their lanes (not in a batch being processed).</summary>
    public int Pending { get; private set; }

    /// <summary>Records in batches being processed.</summary>
    public int InProcess { get; private set; }

    /// <summary>When the oldest record held was sent (+infinity if none).</summary>
    public double OldestSentSeconds => _bySend.OldestSentSeconds;

    /// <summary>The lane of partition key <paramref name="key"/>.</summary>
    public int LaneOf(int key) => (key % _shards * _factor) + (key / _shards % _factor);

    /// <summary>Whether a batch of <paramref name="lane"/> is being processed.</summary>
    public bool IsBusy(int lane) => _batch[lane] > 0;

    /// <summary>Appends a record of <paramref name="sizeBytes"/> bytes with partition key <paramref name="key"/>; returns its slot.</summary>
    public int Append(double now, int key, int sizeBytes)
    {
        var lane = LaneOf(key);
        var slot = _bySend.Add(now, sizeBytes, lane);
        if (_tail[lane] == None)
        {
            _head[lane] = slot;
        }
        else
        {
            _records.Next[_tail[lane]] = slot;
        }

        _tail[lane] = slot;
        Appended++;
        Pending++;
        return slot;
    }

    /// <summary>A poll: every record appended before it is readable (one appended at the same instant but after it is not).</summary>
    public void Poll() => _readableBelow = _bySend.NextSerial;

    /// <summary>
    /// Takes <paramref name="lane"/>'s next batch into <paramref name="slots"/> if the lane is idle and its readable
    /// records are due at <paramref name="now"/>; returns how many records (0 if none is due).
    /// </summary>
    public int TryTakeBatch(int lane, double now, Span<int> slots)
    {
        ExpireDue(now);
        var head = _head[lane];
        if (_batch[lane] > 0 || head == None || _records.Serial[head] >= _readableBelow)
        {
            return 0;
        }

        if (double.IsNaN(_opened[lane]))
        {
            _opened[lane] = now;
        }

        var count = 0;
        var bytes = 0L;
        var payloadFull = false;
        for (var record = head; record != None && _records.Serial[record] < _readableBelow && count < _trigger.BatchSize; record = _records.Next[record])
        {
            if (bytes + _records.SizeBytes[record] > _trigger.MaxPayloadBytes)
            {
                payloadFull = true;
                break;
            }

            bytes += _records.SizeBytes[record];
            slots[count++] = record;
        }

        if (!_trigger.IsDue(count, bytes, payloadFull, _opened[lane], now))
        {
            return 0;
        }

        for (var i = 0; i < count; i++)
        {
            _records.State[slots[i]] = MessageState.InFlight;
            _records.ReceiveCount[slots[i]]++;
        }

        _batch[lane] = count;
        Pending -= count;
        InProcess += count;
        return count;
    }

    /// <summary>When an idle lane's window opened with readable records ends (+infinity if its window is not open).</summary>
    public double WindowEndSeconds(int lane) => double.IsNaN(_opened[lane]) ? double.PositiveInfinity : _trigger.Deadline(_opened[lane]);

    /// <summary>The batch of <paramref name="lane"/> ended: processed, or failed (retried unless its retries are used up, then discarded).</summary>
    public void Complete(int lane, bool success, double now)
    {
        var count = _batch[lane];
        _batch[lane] = 0;
        InProcess -= count;
        _opened[lane] = double.NaN;
        if (!success && _attempts[lane] < _maxRetries)
        {
            _attempts[lane]++;
            Pending += count;
            for (var record = _head[lane]; count-- > 0; record = _records.Next[record])
            {
                _records.State[record] = MessageState.Visible;
            }

            return;
        }

        _attempts[lane] = 0;
        for (var i = 0; i < count; i++)
        {
            var record = RemoveHead(lane);
            if (success)
            {
                Processed++;
            }
            else
            {
                Discarded++;
                _outcomes.OnDeadLettered(record, now);
            }

            _records.Release(record);
        }
    }

    /// <summary>Drops records sent at least the retention period before <paramref name="now"/>, oldest first, stopping at one in a batch being processed.</summary>
    public void ExpireDue(double now)
    {
        for (var slot = _bySend.Oldest; slot >= 0; slot = _bySend.Oldest)
        {
            if (_records.SentSeconds[slot] + _retention > now || _records.State[slot] == MessageState.InFlight)
            {
                return;
            }

            var lane = _records.Group[slot];
            RemoveHead(lane);
            _attempts[lane] = 0;
            Pending--;
            Expired++;
            _outcomes.OnExpired(slot, now);
            _records.Release(slot);
        }
    }

    private int RemoveHead(int lane)
    {
        var record = _head[lane];
        _head[lane] = _records.Next[record];
        if (_head[lane] == None)
        {
            _tail[lane] = None;
        }

        return record;
    }
}
