using System.Text.Json;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Metrics;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Randomness;
using ServerlessSim.Reporting;
using ServerlessSim.Tests.Platform.EventSources;
using ServerlessSim.Tests.TestSupport;

namespace ServerlessSim.Tests.Reporting;

/// <summary>A batching policy's results: its batching.* metrics after the common ones, and its settings in the results document.</summary>
public class BatchingResultsTests
{
    private static EventSourceResult Queue(long processed) => new(
        "sqs", processed, processed, 0, 0, 10, new BatchSizeSummary(5, 5, 9, 10), 0, 0, 0, 0, 1, 2, 0.5, 1, 0,
        new QueueRequestCounts(processed, 10, 10, 0), []);

    [Test]
    public void A_runs_batching_metrics_follow_the_common_ones()
    {
        var run = SmallComparison.Result.Policies[0].Replications[0];
        var common = run.ToMetrics();
        var batched = (run with { Batching = Queue(50) }).ToMetrics();

        batched.Take(common.Count).Should().Equal(common);
        batched.Skip(common.Count).Select(m => m.Name).Should().StartWith("batching.processed").And.EndWith("batching.sqsRequests");
        batched.Should().Contain(("batching.batchSizeP99", 9));
    }

    [Test]
    public void Paired_differences_cover_the_metrics_both_policies_have()
    {
        var result = SmallComparison.Result;
        var batching = result.Policies[1] with
        {
            Options = PolicyOptions.Batched(BatchingOptions.Sqs()),
            Replications = result.Policies[1].Replications.Select(r => r with { Batching = Queue(r.Completed) }).ToArray(),
        };

        var differences = PolicyDifferences.AgainstBaseline(result with { Policies = [result.Policies[0], batching] });
        differences.Single().Metrics.Select(m => m.Metric).Should().Equal(result.Policies[0].Replications[0].ToMetrics().Select(m => m.Name));
    }

    [Test]
    public void The_results_document_writes_the_event_sources_settings_with_defaults_applied()
    {
        var batching = BatchingOptions.Sqs(100, SimDuration.FromSeconds(5), maximumConcurrency: 50, maxReceiveCount: 3) with
        {
            MessageSizeBytes = LogNormalDistribution.FromMedianAndP99(2048, 65536),
            Execution = BatchExecutionOptions.OverheadPlusPerItem(SimDuration.FromMilliseconds(2), SimDuration.FromMilliseconds(40)),
        };
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            BatchingDocument.Write(json, batching);
            json.WriteEndObject();
        }

        var written = JsonDocument.Parse(stream.ToArray()).RootElement.GetProperty("eventSource");
        written.GetProperty("source").GetString().Should().Be("sqs");
        written.GetProperty("batchSize").GetInt32().Should().Be(100);
        written.GetProperty("batchingWindowSeconds").GetDouble().Should().Be(5);
        written.GetProperty("messageSizeBytes").GetString().Should().Be("lognormal median 2048 bytes, p99 65536 bytes");
        written.GetProperty("execution").GetProperty("overheadIoMs").GetDouble().Should().BeApproximately(40, 1e-9);
        written.GetProperty("maximumConcurrency").GetInt32().Should().Be(50);
        written.GetProperty("queue").GetProperty("maxReceiveCount").GetInt32().Should().Be(3);
        written.GetProperty("queue").GetProperty("visibilityTimeoutSeconds").GetDouble().Should().Be(30);
        written.GetProperty("pollers").GetProperty("maxConcurrency").GetInt32().Should().Be(1_250);
    }

    [Test]
    public void A_batching_policys_entry_has_its_settings_and_its_measures_under_their_own_names()
    {
        var scenario = EventSourceScenarios.Constant(BatchingOptions.Sqs(10, SimDuration.FromSeconds(1)), 3.5, 200, 0.05);
        var json = ResultsDocument.ToJson(Comparison.Run(scenario with { Policies = [PolicyOptions.OnePerInstance("lambda"), scenario.Policies[0]] }));

        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false });
        var policies = document.RootElement.GetProperty("policies");
        var batched = policies[1];
        batched.EnumerateObject().Select(p => p.Name).Should().OnlyHaveUniqueItems();
        batched.GetProperty("eventSource").GetProperty("source").GetString().Should().Be("sqs");
        batched.GetProperty("batching").GetProperty("invocations").GetDouble().Should().Be(50);
        policies[0].TryGetProperty("batching", out _).Should().BeFalse();
        policies[0].TryGetProperty("eventSource", out _).Should().BeFalse();
    }

    [Test]
    public void Out_dir_writes_the_queues_time_series_beside_the_policys()
    {
        var scenario = EventSourceScenarios.Constant(BatchingOptions.Sqs(10, SimDuration.FromSeconds(1)), 3.5, 200, 0.05);
        var directory = Directory.CreateTempSubdirectory("batching-report").FullName;
        try
        {
            var written = ReportWriter.WriteAll(Comparison.Run(scenario), directory);

            var queue = written.Should().ContainSingle(f => Path.GetFileName(f) == "queue-sqs-batch-10.csv").Which;
            var lines = File.ReadAllLines(queue);
            lines[0].Should().Be("timeSeconds,depth,oldestAgeSeconds,invocations,deadLettered");
            lines.Skip(1).Sum(l => long.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture))
                .Should().Be(49, "50 batches, the last invoked in the drain after the horizon, where the series ends");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Kinesis_settings_are_written_too()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            BatchingDocument.Write(json, BatchingOptions.Kinesis(4, 2));
            json.WriteEndObject();
        }

        var written = JsonDocument.Parse(stream.ToArray()).RootElement.GetProperty("eventSource");
        (written.GetProperty("shards").GetInt32(), written.GetProperty("parallelizationFactor").GetInt32()).Should().Be((4, 2));
        written.GetProperty("maximumRetryAttempts").ValueKind.Should().Be(JsonValueKind.Null);
        written.GetProperty("messageSizeBytes").GetString().Should().Be("constant 1024 bytes");
    }
}
