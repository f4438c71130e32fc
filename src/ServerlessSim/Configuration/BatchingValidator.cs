using ServerlessSim.Policies;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Randomness;

namespace ServerlessSim.Configuration;

/// <summary>Checks a policy's <c>batching</c> (an SQS or Kinesis event source) with the scenario file's paths, every problem at once.</summary>
internal static class BatchingValidator
{
    public static readonly NumberRange VisibilityTimeout = new(0, BatchingLimits.MaxVisibilityTimeoutSeconds, Unit: "seconds");
    public static readonly NumberRange Retention = new(BatchingLimits.MinRetentionSeconds, BatchingLimits.MaxRetentionSeconds, Unit: "seconds");
    public static readonly NumberRange KinesisRetention = new(BatchingLimits.KinesisMinRetentionSeconds, BatchingLimits.KinesisMaxRetentionSeconds, Unit: "seconds");
    public static readonly NumberRange Overhead = new(0, 3600, Unit: "seconds");
    public static readonly NumberRange PollInterval = new(0, 60, MinExclusive: true, Unit: "seconds");
    public static readonly NumberRange IncreasePerMinute = new(0, 1e6, MinExclusive: true, Unit: "batches per minute");
    public static readonly NumberRange Backoff = new(0, 43_200, MinExclusive: true, Unit: "seconds");
    public static readonly NumberRange RoundTrip = new(0, 10, Unit: "seconds");
    public static readonly NumberRange MessageBytes = new(1, BatchingLimits.MaxMessageBytes, Unit: "bytes");

    public const string WindowRule = "must be a whole number of seconds from 0 to 300";
    public const int MaxGroupsOrKeys = 100_000_000;
    public const int MaxShards = 100_000;
    public const int MaxPollers = 100_000;

    /// <summary>Checks <paramref name="policy"/>'s batching and that the rest of the policy can take it (Lambda's function environments).</summary>
    public static void ValidatePolicy(PolicyOptions policy, string path, ValidationErrors errors)
    {
        if (policy.Batching is not { } batching)
        {
            return;
        }

        if (policy.IsMany || policy.IsAutoscaled)
        {
            errors.Add(path + ".batching", batching.Kind,
                "is only available with \"concurrency\": \"onePerInstance\" and per-request scaling (Lambda's function environments invoked by an event source mapping)");
        }

        Validate(batching, path + ".batching", errors);
    }

    public static void Validate(BatchingOptions batching, string path, ValidationErrors errors)
    {
        switch (batching)
        {
            case SqsEventSourceOptions sqs:
                ValidateSqs(sqs, path, errors);
                break;
            case KinesisEventSourceOptions kinesis:
                ValidateKinesis(kinesis, path, errors);
                break;
            default:
                errors.Add(path, batching?.GetType().Name, "must be SQS or Kinesis options");
                return;
        }

        CheckWindow(batching.BatchingWindow.Seconds, path + ".batchingWindowSeconds", errors);
        ValidateMessageSize(batching.MessageSizeBytes, path + ".messageSizeBytes", errors);
        ValidateExecution(batching.EffectiveExecution, path + ".execution", errors);
    }

    private static void ValidateSqs(SqsEventSourceOptions sqs, string path, ValidationErrors errors)
    {
        var queue = sqs.Queue;
        var maxBatch = queue.Fifo ? BatchingLimits.SqsFifoMaxBatchSize : BatchingLimits.SqsMaxBatchSize;
        if (sqs.BatchSize < 1 || sqs.BatchSize > maxBatch)
        {
            errors.Add(path + ".batchSize", sqs.BatchSize, $"must be an integer from 1 to {maxBatch}" + (queue.Fifo ? " (FIFO queues)" : string.Empty));
        }
        else if (sqs.BatchSize > BatchingLimits.MaxBatchSizeWithoutWindow && sqs.BatchingWindow.Seconds < 1)
        {
            errors.Add(path + ".batchingWindowSeconds", sqs.BatchingWindow.Seconds,
                $"must be at least 1 when batchSize is above {BatchingLimits.MaxBatchSizeWithoutWindow} ({sqs.BatchSize})");
        }

        if (queue.Fifo && sqs.BatchingWindow.Seconds > 0)
        {
            errors.Add(path + ".batchingWindowSeconds", sqs.BatchingWindow.Seconds, "must be 0 with a FIFO queue (Lambda takes no batching window from FIFO queues)");
        }

        if (sqs.MaximumConcurrency is { } max and (< BatchingLimits.MinMaximumConcurrency or > BatchingLimits.MaxMaximumConcurrency))
        {
            errors.Add(path + ".maximumConcurrency", max,
                $"must be an integer from {BatchingLimits.MinMaximumConcurrency} to {BatchingLimits.MaxMaximumConcurrency} (or absent for none)");
        }

        var queuePath = path + ".queue";
        Check(errors, queuePath + ".visibilityTimeoutSeconds", queue.VisibilityTimeout.Seconds, VisibilityTimeout);
        Check(errors, queuePath + ".retentionPeriodSeconds", queue.RetentionPeriod.Seconds, Retention);
        if (queue.MaxReceiveCount is { } receives and (< 1 or > BatchingLimits.MaxReceiveCount))
        {
            errors.Add(queuePath + ".maxReceiveCount", receives, $"must be an integer from 1 to {BatchingLimits.MaxReceiveCount} (or absent for no dead-letter queue)");
        }

        if (queue.MessageGroups is < 1 or > MaxGroupsOrKeys)
        {
            errors.Add(queuePath + ".messageGroups", queue.MessageGroups, $"must be an integer from 1 to {MaxGroupsOrKeys}");
        }
        else if (!queue.Fifo && queue.MessageGroups != 1)
        {
            errors.Add(queuePath + ".messageGroups", queue.MessageGroups, "is only allowed with \"fifo\": true");
        }

        ValidatePollers(sqs.EffectivePollers, path + ".pollers", errors);
    }

    private static void ValidatePollers(PollerScalingOptions pollers, string path, ValidationErrors errors)
    {
        if (pollers.MaxConcurrency is < 1 or > MaxPollers)
        {
            errors.Add(path + ".maxConcurrency", pollers.MaxConcurrency, $"must be an integer from 1 to {MaxPollers}");
        }
        else if (pollers.InitialConcurrency < 1 || pollers.InitialConcurrency > pollers.MaxConcurrency)
        {
            errors.Add(path + ".initialConcurrency", pollers.InitialConcurrency, $"must be an integer from 1 to maxConcurrency ({pollers.MaxConcurrency})");
        }

        Check(errors, path + ".increasePerMinute", pollers.IncreasePerMinute, IncreasePerMinute);
        Check(errors, path + ".receiveRoundTripSeconds", pollers.ReceiveRoundTrip.Seconds, RoundTrip);
        Check(errors, path + ".throttleBackoffInitialSeconds", pollers.ThrottleBackoffInitial.Seconds, Backoff);
        if (Check(errors, path + ".throttleBackoffMaxSeconds", pollers.ThrottleBackoffMax.Seconds, Backoff) &&
            pollers.ThrottleBackoffMax < pollers.ThrottleBackoffInitial)
        {
            errors.Add(path + ".throttleBackoffMaxSeconds", pollers.ThrottleBackoffMax.Seconds,
                $"must be at least throttleBackoffInitialSeconds ({ValidationErrors.Show(pollers.ThrottleBackoffInitial.Seconds)})");
        }
    }

    private static void ValidateKinesis(KinesisEventSourceOptions kinesis, string path, ValidationErrors errors)
    {
        CheckInteger(errors, path + ".batchSize", kinesis.BatchSize, 1, BatchingLimits.KinesisMaxBatchSize);
        CheckInteger(errors, path + ".shards", kinesis.Shards, 1, MaxShards);
        CheckInteger(errors, path + ".parallelizationFactor", kinesis.ParallelizationFactor, 1, BatchingLimits.MaxParallelizationFactor);
        CheckInteger(errors, path + ".partitionKeys", kinesis.PartitionKeys, 1, MaxGroupsOrKeys);
        Check(errors, path + ".pollIntervalSeconds", kinesis.PollInterval.Seconds, PollInterval);
        Check(errors, path + ".retentionPeriodSeconds", kinesis.RetentionPeriod.Seconds, KinesisRetention);
        if (kinesis.MaximumRetryAttempts is { } retries and (< 0 or > BatchingLimits.KinesisMaxRetryAttempts))
        {
            errors.Add(path + ".maximumRetryAttempts", retries,
                $"must be an integer from 0 to {BatchingLimits.KinesisMaxRetryAttempts} (or absent to retry until the records expire)");
        }
    }

    private static void ValidateExecution(BatchExecutionOptions execution, string path, ValidationErrors errors)
    {
        if (!Enum.IsDefined(execution.Kind))
        {
            errors.Add(path + ".kind", execution.Kind, $"must be one of: {string.Join(", ", BatchingReader.ExecutionKindNames)}");
            return;
        }

        foreach (var (field, value) in (ReadOnlySpan<(string, double)>)[("overheadCpuMs", execution.OverheadCpu.Seconds), ("overheadIoMs", execution.OverheadIo.Seconds)])
        {
            if (execution.Kind != BatchExecutionKind.OverheadPlusPerItem && value != 0)
            {
                errors.Add($"{path}.{field}", value * 1000, "is only allowed with \"kind\": \"overheadPlusPerItem\"");
            }
            else if (!Overhead.Contains(value))
            {
                errors.Add($"{path}.{field}", value * 1000, "must be a number from 0 to 3600000 (ms)");
            }
        }
    }

    private static void ValidateMessageSize(IDistribution size, string path, ValidationErrors errors)
    {
        if (size is null)
        {
            errors.Add(path, null, "is required");
        }
        else if (size is ConstantDistribution constant)
        {
            Check(errors, path, constant.Value, MessageBytes);
        }
        else if (!(size.Mean >= 0) || !double.IsFinite(size.Mean))
        {
            errors.Add(path, size.Describe(), "must be a distribution of bytes with a finite, non-negative mean");
        }
    }

    private static void CheckWindow(double seconds, string path, ValidationErrors errors)
    {
        if (!(seconds >= 0 && seconds <= BatchingLimits.MaxBatchingWindowSeconds && Math.Floor(seconds) == seconds))
        {
            errors.Add(path, seconds, WindowRule);
        }
    }

    private static void CheckInteger(ValidationErrors errors, string path, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(path, value, NumberRange.IntegerRule(min, max));
        }
    }

    private static bool Check(ValidationErrors errors, string path, double value, NumberRange range)
    {
        if (range.Contains(value))
        {
            return true;
        }

        errors.Add(path, value, range.Rule);
        return false;
    }
}
