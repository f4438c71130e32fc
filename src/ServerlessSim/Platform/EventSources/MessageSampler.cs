using ServerlessSim.Policies.Batching;
using ServerlessSim.Randomness;

namespace ServerlessSim.Platform.EventSources;

/// <summary>Draws each message's size and its message group (SQS FIFO) or partition key (Kinesis) from the run's batching substream.</summary>
/// <remarks>
/// Both are drawn for every message whatever the source, so batching policies on the same seed see the same
/// messages (common random numbers). Sizes are rounded to whole bytes and kept within 1 byte to 1 MiB.
/// </remarks>
internal sealed class MessageSampler
{
    private readonly IDistribution _size;
    private readonly RandomStream _random;
    private readonly int _keys;

    /// <param name="batching">The event source: its size distribution, and its groups (FIFO) or partition keys (Kinesis); others draw group 0.</param>
    /// <param name="random">The function's batching substream (<see cref="StreamPurpose.Batching"/>).</param>
    public MessageSampler(BatchingOptions batching, RandomStream random)
    {
        _size = batching.MessageSizeBytes;
        _random = random;
        _keys = batching switch
        {
            SqsEventSourceOptions { Queue.Fifo: true } sqs => sqs.Queue.MessageGroups,
            KinesisEventSourceOptions kinesis => kinesis.PartitionKeys,
            _ => 1,
        };
    }

    /// <summary>The next message's size in bytes and its group or key (0 to groups or keys - 1).</summary>
    public (int SizeBytes, int Key) Next()
    {
        var size = (int)Math.Round(Math.Clamp(_size.Sample(_random), 1, BatchingLimits.MaxMessageBytes));
        var key = (int)Math.Min(_keys - 1, Math.Floor(_random.NextDouble() * _keys));
        return (size, key);
    }
}
