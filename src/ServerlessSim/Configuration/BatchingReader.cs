using System.Text.Json;
using ServerlessSim.Engine;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Randomness;

namespace ServerlessSim.Configuration;

/// <summary>Reads a policy's <c>batching</c>: an SQS queue or a Kinesis stream in front of the function, over Lambda's defaults.</summary>
/// <remarks>
/// Each field is checked against its own range here; rules between fields (a FIFO batch of at most 10, a window of
/// at least 1 s above 10 messages) are <see cref="BatchingValidator"/>'s, which the scenario validator runs next.
/// </remarks>
internal static class BatchingReader
{
    public static readonly string[] ExecutionKindNames = ["sequential", "concurrent", "overheadPlusPerItem"];

    private static readonly (string Name, int Value)[] Sources = [("sqs", 0), ("kinesis", 1)];

    private static readonly (string Name, BatchExecutionKind Value)[] ExecutionKinds =
        [("sequential", BatchExecutionKind.Sequential), ("concurrent", BatchExecutionKind.Concurrent), ("overheadPlusPerItem", BatchExecutionKind.OverheadPlusPerItem)];

    private static readonly string[] Common = ["source", "batchSize", "batchingWindowSeconds", "messageSizeBytes", "execution"];
    private static readonly string[] SqsFields = [.. Common, "maximumConcurrency", "reportBatchItemFailures", "queue", "pollers"];

    private static readonly string[] KinesisFields =
        [.. Common, "shards", "parallelizationFactor", "partitionKeys", "pollIntervalSeconds", "retentionPeriodSeconds", "maximumRetryAttempts"];

    private static readonly string[] QueueFields = ["visibilityTimeoutSeconds", "maxReceiveCount", "retentionPeriodSeconds", "fifo", "messageGroups"];

    private static readonly string[] PollerFields =
        ["initialConcurrency", "increasePerMinute", "maxConcurrency", "throttleBackoffInitialSeconds", "throttleBackoffMaxSeconds", "receiveRoundTripSeconds"];

    private static readonly string[] ExecutionFields = ["kind", "overheadCpuMs", "overheadIoMs"];
    private static readonly string[] LogNormalBytesFields = ["type", "medianBytes", "p99Bytes"];
    private static readonly NumberRange Window = new(0, BatchingLimits.MaxBatchingWindowSeconds, Unit: "seconds");
    private static readonly NumberRange OverheadMs = new(0, 3_600_000, Unit: "ms");

    /// <summary>The event source at <paramref name="path"/>, or null (with errors).</summary>
    public static BatchingOptions? Read(JsonElement element, string path, ValidationErrors errors)
    {
        var source = ReadSource(element, path, errors);
        var fields = source switch { 0 => SqsFields, 1 => KinesisFields, _ => SqsFields.Union(KinesisFields).ToArray() };
        if (JsonObjectReader.Open(element, path, fields, errors) is not { } reader || source is null)
        {
            return null;
        }

        var before = errors.All.Count;
        BatchingOptions options = source == 0 ? ReadSqs(reader, errors) : ReadKinesis(reader);
        options = options with
        {
            BatchingWindow = Seconds(reader, "batchingWindowSeconds", Window) ?? options.BatchingWindow,
            MessageSizeBytes = reader.Get("messageSizeBytes") is { } size ? ReadBytes(size, reader.PathOf("messageSizeBytes"), errors) ?? options.MessageSizeBytes : options.MessageSizeBytes,
            Execution = reader.Get("execution") is { } execution ? ReadExecution(execution, reader.PathOf("execution"), errors) : null,
        };
        return errors.All.Count == before ? options : null;
    }

    private static int? ReadSource(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("source", out var written) && written.ValueKind != JsonValueKind.Null)
        {
            return JsonValueReader.Choice(written, path + ".source", Sources, errors);
        }

        if (element.ValueKind == JsonValueKind.Object)
        {
            errors.AddShown(path + ".source", ValidationErrors.Show(null), "is required; " + FieldSuggestions.UnknownChoiceRule(null, Sources.Select(s => s.Name).ToArray()));
        }

        return null;
    }

    private static SqsEventSourceOptions ReadSqs(JsonObjectReader reader, ValidationErrors errors)
    {
        var defaults = new SqsEventSourceOptions();
        return defaults with
        {
            BatchSize = (int?)reader.Integer("batchSize", 1, BatchingLimits.SqsMaxBatchSize) ?? defaults.BatchSize,
            MaximumConcurrency = (int?)reader.Integer("maximumConcurrency", BatchingLimits.MinMaximumConcurrency, BatchingLimits.MaxMaximumConcurrency),
            ReportBatchItemFailures = reader.Flag("reportBatchItemFailures") ?? false,
            Queue = reader.Get("queue") is { } q ? ReadQueue(q, reader.PathOf("queue"), errors) ?? defaults.Queue : defaults.Queue,
            Pollers = reader.Get("pollers") is { } p ? ReadPollers(p, reader.PathOf("pollers"), errors) : null,
        };
    }

    private static KinesisEventSourceOptions ReadKinesis(JsonObjectReader reader)
    {
        var defaults = new KinesisEventSourceOptions();
        return defaults with
        {
            BatchSize = (int?)reader.Integer("batchSize", 1, BatchingLimits.KinesisMaxBatchSize) ?? defaults.BatchSize,
            Shards = (int?)reader.Integer("shards", 1, BatchingValidator.MaxShards) ?? defaults.Shards,
            ParallelizationFactor = (int?)reader.Integer("parallelizationFactor", 1, BatchingLimits.MaxParallelizationFactor) ?? defaults.ParallelizationFactor,
            PartitionKeys = (int?)reader.Integer("partitionKeys", 1, BatchingValidator.MaxGroupsOrKeys) ?? defaults.PartitionKeys,
            PollInterval = Seconds(reader, "pollIntervalSeconds", BatchingValidator.PollInterval) ?? defaults.PollInterval,
            RetentionPeriod = Seconds(reader, "retentionPeriodSeconds", BatchingValidator.KinesisRetention) ?? defaults.RetentionPeriod,
            MaximumRetryAttempts = (int?)reader.Integer("maximumRetryAttempts", 0, BatchingLimits.KinesisMaxRetryAttempts),
        };
    }

    private static SqsQueueOptions? ReadQueue(JsonElement element, string path, ValidationErrors errors)
    {
        if (JsonObjectReader.Open(element, path, QueueFields, errors) is not { } reader)
        {
            return null;
        }

        var defaults = new SqsQueueOptions();
        return defaults with
        {
            VisibilityTimeout = Seconds(reader, "visibilityTimeoutSeconds", BatchingValidator.VisibilityTimeout) ?? defaults.VisibilityTimeout,
            MaxReceiveCount = (int?)reader.Integer("maxReceiveCount", 1, BatchingLimits.MaxReceiveCount),
            RetentionPeriod = Seconds(reader, "retentionPeriodSeconds", BatchingValidator.Retention) ?? defaults.RetentionPeriod,
            Fifo = reader.Flag("fifo") ?? false,
            MessageGroups = (int?)reader.Integer("messageGroups", 1, BatchingValidator.MaxGroupsOrKeys) ?? defaults.MessageGroups,
        };
    }

    private static PollerScalingOptions? ReadPollers(JsonElement element, string path, ValidationErrors errors)
    {
        if (JsonObjectReader.Open(element, path, PollerFields, errors) is not { } reader)
        {
            return null;
        }

        var defaults = new PollerScalingOptions();
        return defaults with
        {
            InitialConcurrency = (int?)reader.Integer("initialConcurrency", 1, BatchingValidator.MaxPollers) ?? defaults.InitialConcurrency,
            IncreasePerMinute = reader.Number("increasePerMinute", BatchingValidator.IncreasePerMinute) ?? defaults.IncreasePerMinute,
            MaxConcurrency = (int?)reader.Integer("maxConcurrency", 1, BatchingValidator.MaxPollers) ?? defaults.MaxConcurrency,
            ThrottleBackoffInitial = Seconds(reader, "throttleBackoffInitialSeconds", BatchingValidator.Backoff) ?? defaults.ThrottleBackoffInitial,
            ThrottleBackoffMax = Seconds(reader, "throttleBackoffMaxSeconds", BatchingValidator.Backoff) ?? defaults.ThrottleBackoffMax,
            ReceiveRoundTrip = Seconds(reader, "receiveRoundTripSeconds", BatchingValidator.RoundTrip) ?? defaults.ReceiveRoundTrip,
        };
    }

    // "execution": "concurrent", or an object with the kind and the overhead of overheadPlusPerItem.
    private static BatchExecutionOptions? ReadExecution(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return JsonValueReader.Choice(element, path, ExecutionKinds, errors) is { } kind ? new BatchExecutionOptions(kind) : null;
        }

        if (JsonObjectReader.Open(element, path, ExecutionFields, errors, "must be a kind (e.g. \"concurrent\") or an object") is not { } reader)
        {
            return null;
        }

        var executionKind = reader.Choice("kind", ExecutionKinds, required: true) ?? BatchExecutionKind.Sequential;
        var cpu = reader.Number("overheadCpuMs", OverheadMs) ?? 0;
        var io = reader.Number("overheadIoMs", OverheadMs) ?? 0;
        return new BatchExecutionOptions(executionKind, SimDuration.FromMilliseconds(cpu), SimDuration.FromMilliseconds(io));
    }

    // Bytes: a number (constant) or a lognormal from its median and 99th percentile.
    private static IDistribution? ReadBytes(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            return JsonValueReader.Number(element, path, BatchingValidator.MessageBytes, errors) is { } bytes ? new ConstantDistribution(bytes) : null;
        }

        if (JsonObjectReader.Open(element, path, LogNormalBytesFields, errors, "must be a number of bytes or an object") is not { } reader)
        {
            return null;
        }

        reader.Choice("type", [("lognormal", 0)], required: true);
        var median = reader.Number("medianBytes", BatchingValidator.MessageBytes, required: true);
        var p99 = reader.Number("p99Bytes", BatchingValidator.MessageBytes, required: true);
        if (median is { } m50 && p99 is { } m99 && !(m99 >= m50))
        {
            errors.AddShown(reader.PathOf("p99Bytes"), JsonValueReader.Raw(reader.Get("p99Bytes")!.Value), "must be at least medianBytes");
            return null;
        }

        return median is { } a && p99 is { } b ? LogNormalDistribution.FromMedianAndP99(a, b) : null;
    }

    private static SimDuration? Seconds(JsonObjectReader reader, string field, NumberRange range) =>
        reader.Number(field, range) is { } seconds ? SimDuration.FromSeconds(seconds) : null;
}
