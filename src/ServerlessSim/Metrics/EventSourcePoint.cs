namespace ServerlessSim.Metrics;

/// <summary>One step of an event source's time series (a batching policy's queue or stream).</summary>
/// <param name="StartSeconds">Start of the step, in seconds since the start of the run.</param>
/// <param name="Depth">Messages held (waiting, or received and not yet deleted), time-averaged over the step.</param>
/// <param name="OldestAgeSeconds">The age of the oldest message held at its highest in the step, in seconds (0 when empty).</param>
/// <param name="Invocations">Batches invoked in the step.</param>
/// <param name="DeadLettered">Messages moved to the dead-letter queue (or discarded after their retries) in the step.</param>
public sealed record EventSourcePoint(double StartSeconds, double Depth, double OldestAgeSeconds, long Invocations, long DeadLettered);
