using ServerlessSim.Metrics;
using ServerlessSim.Platform.Pool;
using ServerlessSim.Randomness;

namespace ServerlessSim.Platform.EventSources;

/// <summary>What an <see cref="EventSourceModel"/> needs from its run, besides its event source's options.</summary>
/// <param name="Settings">The function and the policy, resolved.</param>
/// <param name="Streams">The function's random substreams.</param>
/// <param name="Account">The account's shared limit and load.</param>
/// <param name="Sink">Where the function's (and the account's) metrics are fed.</param>
/// <param name="BatchingRandom">The function's batching substream (message sizes, groups, keys).</param>
/// <param name="TimeSeriesStepSeconds">The event source's time-series step; null for none.</param>
/// <param name="SqsChunkBytes">Bytes per billed SQS request (the price table's <c>sqs.requestChunkBytes</c>).</param>
internal sealed record EventSourceRun(
    PoolSettings Settings,
    RandomStreams Streams,
    AccountState Account,
    MetricsSink Sink,
    RandomStream BatchingRandom,
    double? TimeSeriesStepSeconds,
    double SqsChunkBytes);
