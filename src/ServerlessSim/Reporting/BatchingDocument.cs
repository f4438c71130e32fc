using System.Globalization;
using System.Text;
using System.Text.Json;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Randomness;
using static System.FormattableString;

namespace ServerlessSim.Reporting;

/// <summary>Writes a batching policy's event source settings into its results-document entry as <c>eventSource</c>, defaults applied (the names are the scenario file's <c>batching</c>'s; the measures are <c>batching.*</c>).</summary>
internal static class BatchingDocument
{
    public static void Write(Utf8JsonWriter json, BatchingOptions batching)
    {
        json.WriteStartObject("eventSource");
        json.WriteString("source", batching.Kind);
        json.WriteNumber("batchSize", batching.BatchSize);
        json.WriteNumber("batchingWindowSeconds", batching.BatchingWindow.Seconds);
        json.WriteString("messageSizeBytes", DescribeBytes(batching.MessageSizeBytes));
        var execution = batching.EffectiveExecution;
        json.WriteStartObject("execution");
        json.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(execution.Kind.ToString()));
        if (execution.Kind == BatchExecutionKind.OverheadPlusPerItem)
        {
            json.WriteNumber("overheadCpuMs", execution.OverheadCpu.Milliseconds);
            json.WriteNumber("overheadIoMs", execution.OverheadIo.Milliseconds);
        }

        json.WriteEndObject();
        switch (batching)
        {
            case SqsEventSourceOptions sqs:
                WriteSqs(json, sqs);
                break;
            case KinesisEventSourceOptions kinesis:
                json.WriteNumber("shards", kinesis.Shards);
                json.WriteNumber("parallelizationFactor", kinesis.ParallelizationFactor);
                json.WriteNumber("partitionKeys", kinesis.PartitionKeys);
                json.WriteNumber("pollIntervalSeconds", kinesis.PollInterval.Seconds);
                json.WriteNumber("retentionPeriodSeconds", kinesis.RetentionPeriod.Seconds);
                WriteNumberOrNull(json, "maximumRetryAttempts", kinesis.MaximumRetryAttempts);
                break;
        }

        json.WriteEndObject();
    }

    private static void WriteSqs(Utf8JsonWriter json, SqsEventSourceOptions sqs)
    {
        WriteNumberOrNull(json, "maximumConcurrency", sqs.MaximumConcurrency);
        json.WriteBoolean("reportBatchItemFailures", sqs.ReportBatchItemFailures);
        var queue = sqs.Queue;
        json.WriteStartObject("queue");
        json.WriteNumber("visibilityTimeoutSeconds", queue.VisibilityTimeout.Seconds);
        WriteNumberOrNull(json, "maxReceiveCount", queue.MaxReceiveCount);
        json.WriteNumber("retentionPeriodSeconds", queue.RetentionPeriod.Seconds);
        json.WriteBoolean("fifo", queue.Fifo);
        json.WriteNumber("messageGroups", queue.MessageGroups);
        json.WriteEndObject();
        var pollers = sqs.EffectivePollers;
        json.WriteStartObject("pollers");
        json.WriteNumber("initialConcurrency", pollers.InitialConcurrency);
        json.WriteNumber("increasePerMinute", pollers.IncreasePerMinute);
        json.WriteNumber("maxConcurrency", pollers.MaxConcurrency);
        json.WriteNumber("throttleBackoffInitialSeconds", pollers.ThrottleBackoffInitial.Seconds);
        json.WriteNumber("throttleBackoffMaxSeconds", pollers.ThrottleBackoffMax.Seconds);
        json.WriteNumber("receiveRoundTripSeconds", pollers.ReceiveRoundTrip.Seconds);
        json.WriteEndObject();
    }

    /// <summary>An event source's time series as CSV, one row per step (times in seconds; depth time-averaged; the oldest message's age at its highest; counts per step).</summary>
    public static string TimeSeriesCsv(IReadOnlyList<Metrics.EventSourcePoint> points)
    {
        var csv = new StringBuilder("timeSeconds,depth,oldestAgeSeconds,invocations,deadLettered\n");
        foreach (var p in points)
        {
            csv.Append(Invariant($"{p.StartSeconds:R},{p.Depth:R},{p.OldestAgeSeconds:R},{p.Invocations},{p.DeadLettered}")).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>A batching policy's event source in words, for reports, e.g. <c>, behind an SQS queue: batches of up to 10, no window, ...</c>.</summary>
    public static string Describe(BatchingOptions batching)
    {
        var window = batching.BatchingWindow == Engine.SimDuration.Zero ? "no window" : Invariant($"window {batching.BatchingWindow.Seconds} s");
        var common = Invariant($"batches of up to {batching.BatchSize:N0}, {window}, items {JsonNamingPolicy.CamelCase.ConvertName(batching.EffectiveExecution.Kind.ToString())}");
        return batching switch
        {
            SqsEventSourceOptions sqs => Invariant(
                $", behind an SQS {(sqs.Queue.Fifo ? Invariant($"FIFO queue ({sqs.Queue.MessageGroups:N0} groups)") : "queue")}: {common}, at most {sqs.EffectiveMaxConcurrency:N0} at once, visibility timeout {sqs.Queue.VisibilityTimeout.Seconds} s, {(sqs.Queue.MaxReceiveCount is { } m ? Invariant($"dead-letter queue after {m} receives") : "no dead-letter queue")}{(sqs.ReportBatchItemFailures ? ", partial batch responses" : string.Empty)}"),
            KinesisEventSourceOptions kinesis => Invariant(
                $", behind a Kinesis stream: {kinesis.Shards:N0} shard(s) x {kinesis.ParallelizationFactor} lane(s), {common}, polled every {kinesis.PollInterval.Seconds} s"),
            _ => string.Empty,
        };
    }

    /// <summary>A size distribution in bytes, e.g. <c>constant 1024 bytes</c> or <c>lognormal median 2048 bytes, p99 65536 bytes</c>.</summary>
    public static string DescribeBytes(IDistribution bytes) => bytes switch
    {
        ConstantDistribution c => string.Create(CultureInfo.InvariantCulture, $"constant {c.Value:0.###} bytes"),
        LogNormalDistribution l => string.Create(CultureInfo.InvariantCulture, $"lognormal median {l.Median:0.###} bytes, p99 {l.P99:0.###} bytes"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes.GetType().Name} with mean {bytes.Mean:0.###} bytes"),
    };

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
