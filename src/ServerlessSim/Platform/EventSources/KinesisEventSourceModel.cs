using ServerlessSim.Engine;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Reporting;

namespace ServerlessSim.Platform.EventSources;

/// <summary>A function behind a Kinesis data stream read by Lambda's event source mapping: each lane of each shard invokes it with one batch at a time, in order.</summary>
/// <remarks>
/// The shards are polled every poll interval (one event per interval for the whole stream, so a lane's batching
/// window is looked at on the polls: it may end up to one interval late). At a poll each idle lane whose readable
/// records are due takes a batch (<see cref="KinesisShardReader"/>); when an invocation ends its lane takes the next
/// batch at once from the records already read. A failed batch is retried from the next poll (it blocks its lane); a
/// throttled invocation is retried after a backoff (1 s doubling to 5 minutes) and holds its lane meanwhile. Polling
/// stops after the horizon once no record is left. The iterator age is each invocation's last record's age.
/// </remarks>
internal sealed class KinesisEventSourceModel : EventSourceModel
{
    private static readonly PollerScalingOptions Backoff = new();
    private readonly KinesisShardReader _reader;
    private readonly double _pollInterval;
    private readonly int[] _scratch;
    private int[] _batchLane = new int[16];
    private double _nextPoll;

    public KinesisEventSourceModel(KinesisEventSourceOptions options, EventSourceRun run)
        : base(options, run)
    {
        _reader = new KinesisShardReader(options, Messages, this);
        _pollInterval = options.PollInterval.Seconds;
        _scratch = new int[options.BatchSize];
    }

    private protected override int MessagesHeld => _reader.Pending + _reader.InProcess;

    private protected override double OldestSentSeconds => _reader.OldestSentSeconds;

    private protected override QueueRequestCounts Requests { get; } = new(0, 0, 0, 0);

    private protected override string? SourceViolation() =>
        _reader.Appended != _reader.Processed + _reader.Discarded + _reader.Expired + _reader.Pending + _reader.InProcess
            ? $"{_reader.Appended} appended, but {_reader.Processed} processed + {_reader.Discarded} discarded + {_reader.Expired} expired + {_reader.Pending} pending + {_reader.InProcess} in process"
            : null;

    private protected override void StartSource(Simulator simulator)
    {
        _nextPoll = _pollInterval;
        simulator.ScheduleAt(_nextPoll, PlatformEvents.StreamPoll, 0, Function);
    }

    private protected override int Accept(double now, int sizeBytes, int key) => _reader.Append(now, key, sizeBytes);

    private protected override bool HandleSource(Simulator simulator, int kind, int target, double now)
    {
        switch (kind)
        {
            case PlatformEvents.StreamPoll:
                _reader.Poll();
                for (var lane = 0; lane < _reader.Lanes; lane++)
                {
                    TakeBatch(simulator, lane, now);
                }

                if (now < HorizonSeconds || MessagesHeld > 0)
                {
                    _nextPoll = now + _pollInterval;
                    simulator.ScheduleAt(_nextPoll, PlatformEvents.StreamPoll, 0, Function);
                }
                else
                {
                    _nextPoll = double.PositiveInfinity;
                }

                return true;
            case PlatformEvents.BatchRetry:
                InvokeOrBackOff(simulator, target, now);
                return true;
            default:
                return false;
        }
    }

    private protected override void OnTimePassed(double now)
    {
    }

    private protected override void AfterEvent(Simulator simulator, double now)
    {
        // Records that arrive after polling stopped (none do: arrivals end at the horizon) would restart it.
        if (double.IsPositiveInfinity(_nextPoll) && MessagesHeld > 0)
        {
            _nextPoll = now + _pollInterval;
            simulator.ScheduleAt(_nextPoll, PlatformEvents.StreamPoll, 0, Function);
        }
    }

    private protected override void Complete(Simulator simulator, int batch, double now, ReadOnlySpan<bool> failed, int failures)
    {
        var lane = _batchLane[batch];
        if (failures == 0)
        {
            foreach (var slot in Batches.SlotsOf(batch))
            {
                OnProcessed(Messages.Counted[slot], Messages.SentSeconds[slot], now);
            }
        }

        Batches.Release(batch);
        _reader.Complete(lane, failures == 0, now);
        if (failures == 0)
        {
            TakeBatch(simulator, lane, now);
        }
    }

    private protected override double IteratorAgeSeconds(int batch, double now) =>
        now - Messages.SentSeconds[Batches.Slots[batch][Batches.Count[batch] - 1]];

    private void TakeBatch(Simulator simulator, int lane, double now)
    {
        var count = _reader.TryTakeBatch(lane, now, _scratch);
        if (count == 0)
        {
            return;
        }

        var batch = AddBatch(_scratch.AsSpan(0, count), _scratch.AsSpan(0, count), now);
        if (batch >= _batchLane.Length)
        {
            Array.Resize(ref _batchLane, Math.Max(batch + 1, _batchLane.Length * 2));
        }

        _batchLane[batch] = lane;
        InvokeOrBackOff(simulator, batch, now);
    }

    private void InvokeOrBackOff(Simulator simulator, int batch, double now)
    {
        if (Invoke(simulator, batch, now) is not null)
        {
            simulator.ScheduleAt(now + BackoffSeconds(Backoff, ++Batches.Attempts[batch]), PlatformEvents.BatchRetry, batch, Function);
        }
    }
}
