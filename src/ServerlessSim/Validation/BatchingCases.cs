using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Validation;

/// <summary>Known answers of event-source batching (an SQS queue in front of Lambda): invocation counts, latency, conservation, over-pull.</summary>
internal static class BatchingCases
{
    /// <summary>The oracle name of these cases.</summary>
    public const string Oracle = "Batching";

    private const double Rate = 3.5;
    private const int Messages = 7_000;

    /// <summary>The cases, in report order.</summary>
    public static IEnumerable<ValidationCase> All()
    {
        // Messages 1 / 3.5 s apart: a window of W s holds the messages 0 to floor(3.5 W) gaps after its first.
        yield return Invocations(batchSize: 10, windowSeconds: 0, perBatch: 1, quick: false);
        yield return Invocations(batchSize: 10, windowSeconds: 1, perBatch: 4, quick: true);
        yield return Invocations(batchSize: 3, windowSeconds: 1, perBatch: 3, quick: false);
        yield return Invocations(batchSize: 100, windowSeconds: 5, perBatch: 18, quick: false);

        // Batches of 4, invoked 1 s after their first message, 4 x 50 ms one after another: the j-th message of a batch
        // waits 1 - j / 3.5 s for the window, then 0.2 s: a mean of 1.2 - 1.5 / 3.5 = 0.7714 s.
        yield return new ValidationCase(
            Oracle,
            "latency: batch 10, window 1 s, 4 x 50 ms one after another",
            "mean latency (ms)",
            Constant(BatchingOptions.Sqs(10, SimDuration.FromSeconds(1)), ioSeconds: 0.05),
            r => r.LatencyMs.Mean,
            (1.2 - (1.5 / Rate)) * 1000,
            MaxRelativeHalfWidth: 0,
            Quick: true,
            PhaseLocked: true,
            Deterministic: true);

        foreach (var (fifo, partial) in new[] { (false, false), (false, true), (true, true) })
        {
            yield return Conservation(fifo, partial, quick: !fifo && partial);
        }

        yield return OverPull(maximumConcurrency: null, quick: true);
        yield return OverPull(maximumConcurrency: 10, quick: true);
    }

    private static ValidationCase Invocations(int batchSize, double windowSeconds, int perBatch, bool quick) => new(
        Oracle,
        FormattableString.Invariant($"invocations: batch {batchSize}, window {windowSeconds} s, 3.5 messages/s"),
        "invocations",
        Constant(BatchingOptions.Sqs(batchSize, SimDuration.FromSeconds(windowSeconds)), ioSeconds: 0.01),
        r => r.Usage.BilledInvocations,
        Math.Ceiling(Messages / (double)perBatch),
        MaxRelativeHalfWidth: 0,
        quick,
        PhaseLocked: true,
        Deterministic: true);

    // Every replication must balance exactly, so the check is per replication (as for deterministic cases).
    private static ValidationCase Conservation(bool fifo, bool partial, bool quick)
    {
        var queue = new SqsQueueOptions
        {
            MaxReceiveCount = 3, VisibilityTimeout = SimDuration.FromSeconds(5), RetentionPeriod = SimDuration.FromSeconds(60), Fifo = fifo, MessageGroups = fifo ? 50 : 1,
        };
        var batching = BatchingOptions.Sqs() with { Queue = queue, ReportBatchItemFailures = partial };
        var scenario = Poisson(PolicyOptions.Batched(batching), ArrivalProcess.Poisson(150), reservedConcurrency: 5, errorProbability: 0.2);
        return new ValidationCase(
            Oracle,
            FormattableString.Invariant($"conservation: {(fifo ? "FIFO" : "standard")}, {(partial ? "partial batch responses" : "whole batches")}, errors, throttles, expiry"),
            "requests - completed - dropped",
            scenario,
            r => r.Requests - r.Completed - r.Dropped,
            0,
            MaxRelativeHalfWidth: 0,
            quick,
            Deterministic: true,
            CheckLittlesLaw: false);
    }

    // Reserved concurrency 10 (56 messages/s of 10 x 177 ms batches); 40/s with a minute at 80/s.
    private static ValidationCase OverPull(int? maximumConcurrency, bool quick)
    {
        var arrivals = ArrivalProcess.Scheduled(ArrivalKind.Poisson, [new(0, 40), new(120, 80), new(180, 40)]);
        var batching = BatchingOptions.Sqs() with { Queue = new SqsQueueOptions { MaxReceiveCount = 2 }, MaximumConcurrency = maximumConcurrency };
        var capped = maximumConcurrency is not null;
        return new ValidationCase(
            Oracle,
            capped ? "over-pull: MaximumConcurrency 10 = reserved concurrency 10" : "over-pull: no MaximumConcurrency, reserved concurrency 10",
            capped ? "throttled invocations + dead-lettered" : "dead-letter queue reached (1 = yes)",
            Poisson(PolicyOptions.Batched(batching, capped ? "sqs-max10" : "sqs"), arrivals, reservedConcurrency: 10, errorProbability: 0),
            capped ? r => r.Batching!.ThrottledInvocations + r.Batching.DeadLettered : r => r.Batching!.DeadLettered > 0 ? 1 : 0,
            capped ? 0 : 1,
            MaxRelativeHalfWidth: 0,
            quick,
            Deterministic: true,
            CheckLittlesLaw: false);
    }

    // Messages at k / 3.5 s for k = 1 to 7,000, zero-time cold starts; the window from half a gap before the first to half a gap after the last.
    private static Scenario Constant(BatchingOptions batching, double ioSeconds) => new(
        Name: "batching",
        Function: new FunctionDefinition(
            "f", 1024, ArrivalProcess.Constant(Rate), new WorkProfile(ConstantDistribution.Zero, new ConstantDistribution(ioSeconds)),
            ConstantDistribution.Zero, SimDuration.Infinite),
        Policies: [PolicyOptions.Batched(batching)],
        Horizon: SimDuration.FromSeconds((Messages + 0.5) / Rate),
        WarmUp: SimDuration.FromSeconds(0.5 / Rate),
        Seed: 20261202,
        Replications: 2,
        Account: new AccountOptions(10_000));

    private static Scenario Poisson(PolicyOptions policy, ArrivalProcess arrivals, int reservedConcurrency, double errorProbability) => new(
        Name: "batching",
        Function: new FunctionDefinition(
            "f", 1024, arrivals, new WorkProfile(new ConstantDistribution(0.010), new ConstantDistribution(0.150)),
            LogNormalDistribution.FromMedianAndP99(0.25, 0.9), SimDuration.FromMinutes(10))
        {
            ReservedConcurrency = reservedConcurrency,
            ErrorProbability = errorProbability,
        },
        Policies: [policy],
        Horizon: SimDuration.FromSeconds(400),
        WarmUp: SimDuration.FromSeconds(40),
        Seed: 20261202,
        Replications: 5);
}
