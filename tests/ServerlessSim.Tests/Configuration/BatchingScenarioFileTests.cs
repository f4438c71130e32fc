using ServerlessSim.Configuration;
using ServerlessSim.Engine;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Randomness;

namespace ServerlessSim.Tests.Configuration;

/// <summary>A policy's <c>batching</c> in scenario files: what it reads as, and the errors it gives.</summary>
public class BatchingScenarioFileTests
{
    private static PolicyOptions Policy(string policyJson) => BadScenarioCases.SecondPolicy(policyJson);

    private static IReadOnlyList<ValidationError> Errors(string policyJson) => BadScenarioCases.SecondPolicyErrors(policyJson);

    [Test]
    public void An_sqs_source_with_only_its_source_is_lambdas_defaults()
    {
        var policy = Policy("""{ "name": "sqs", "concurrency": "onePerInstance", "batching": { "source": "sqs" } }""");
        policy.Batching.Should().Be(BatchingOptions.Sqs());
    }

    [Test]
    public void Every_sqs_field_is_read()
    {
        var policy = Policy("""
            { "name": "sqs", "concurrency": "onePerInstance",
              "batching": { "source": "sqs", "batchSize": 100, "batchingWindowSeconds": 5, "maximumConcurrency": 50,
                            "reportBatchItemFailures": true, "messageSizeBytes": { "type": "lognormal", "medianBytes": 2048, "p99Bytes": 65536 },
                            "execution": { "kind": "overheadPlusPerItem", "overheadCpuMs": 2, "overheadIoMs": 40 },
                            "queue": { "visibilityTimeoutSeconds": 60, "maxReceiveCount": 3, "retentionPeriodSeconds": 3600 },
                            "pollers": { "initialConcurrency": 2, "increasePerMinute": 60, "maxConcurrency": 1000,
                                         "throttleBackoffInitialSeconds": 2, "throttleBackoffMaxSeconds": 30 } } }
            """);

        policy.Batching.Should().Be(new SqsEventSourceOptions
        {
            BatchSize = 100,
            BatchingWindow = SimDuration.FromSeconds(5),
            MaximumConcurrency = 50,
            ReportBatchItemFailures = true,
            MessageSizeBytes = LogNormalDistribution.FromMedianAndP99(2048, 65536),
            Execution = BatchExecutionOptions.OverheadPlusPerItem(SimDuration.FromMilliseconds(2), SimDuration.FromMilliseconds(40)),
            Queue = new SqsQueueOptions { VisibilityTimeout = SimDuration.FromSeconds(60), MaxReceiveCount = 3, RetentionPeriod = SimDuration.FromSeconds(3600) },
            Pollers = new PollerScalingOptions
            {
                InitialConcurrency = 2, IncreasePerMinute = 60, MaxConcurrency = 1000,
                ThrottleBackoffInitial = SimDuration.FromSeconds(2), ThrottleBackoffMax = SimDuration.FromSeconds(30),
            },
        });
    }

    [Test]
    public void A_fifo_queue_and_a_kinesis_stream_are_read()
    {
        Policy("""
            { "name": "fifo", "concurrency": "onePerInstance",
              "batching": { "source": "sqs", "execution": "concurrent", "queue": { "fifo": true, "messageGroups": 20 } } }
            """).Batching.Should().Be(BatchingOptions.SqsFifo(20) with { Execution = BatchExecutionOptions.Concurrent });

        Policy("""
            { "name": "stream", "concurrency": "onePerInstance",
              "batching": { "source": "kinesis", "shards": 8, "parallelizationFactor": 4, "batchSize": 500, "batchingWindowSeconds": 2,
                            "partitionKeys": 64, "pollIntervalSeconds": 0.07, "retentionPeriodSeconds": 172800, "maximumRetryAttempts": 3 } }
            """).Batching.Should().Be(BatchingOptions.Kinesis(8, 4) with
        {
            BatchSize = 500, BatchingWindow = SimDuration.FromSeconds(2), PartitionKeys = 64, PollInterval = SimDuration.FromSeconds(0.07),
            RetentionPeriod = SimDuration.FromSeconds(172_800), MaximumRetryAttempts = 3,
        });
    }

    [TestCase("""{ "source": "sqs", "batchSize": 100, "batchingWindowSecond": 5 }""", "policies[1].batching.batchingWindowSecond", "did you mean \"batchingWindowSeconds\"?")]
    [TestCase("""{ "source": "sqs", "shards": 2 }""", "policies[1].batching.shards", "known fields here: source, batchSize")]
    [TestCase("""{ "source": "sns" }""", "policies[1].batching.source", "must be one of: sqs, kinesis")]
    [TestCase("""{ "batchSize": 5 }""", "policies[1].batching.source", "is required; must be one of: sqs, kinesis")]
    [TestCase("""{ "source": "sqs", "queue": { "maxRecieveCount": 3 } }""", "policies[1].batching.queue.maxRecieveCount", "did you mean \"maxReceiveCount\"?")]
    [TestCase("""{ "source": "sqs", "batchSize": 20000 }""", "policies[1].batching.batchSize", "must be an integer from 1 to 10000")]
    [TestCase("""{ "source": "sqs", "batchSize": 100 }""", "policies[1].batching.batchingWindowSeconds", "must be at least 1 when batchSize is above 10 (100)")]
    [TestCase("""{ "source": "sqs", "maximumConcurrency": 1 }""", "policies[1].batching.maximumConcurrency", "must be an integer from 2 to 1000")]
    [TestCase("""{ "source": "sqs", "execution": "parallel" }""", "policies[1].batching.execution", "must be one of: sequential, concurrent, overheadPlusPerItem")]
    [TestCase("""{ "source": "sqs", "execution": { "kind": "concurrent", "overheadIoMs": 5 } }""", "policies[1].batching.execution.overheadIoMs", "is only allowed with \"kind\": \"overheadPlusPerItem\"")]
    [TestCase("""{ "source": "kinesis", "parallelizationFactor": 11 }""", "policies[1].batching.parallelizationFactor", "must be an integer from 1 to 10")]
    public void A_bad_batching_field_names_its_path_and_rule(string batching, string path, string rule)
    {
        Errors($$"""{ "name": "b", "concurrency": "onePerInstance", "batching": {{batching}} }""")
            .Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Path == path && e.Rule.Contains(rule));
    }

    [Test]
    public void Batching_needs_lambdas_function_environments()
    {
        Errors("""{ "name": "b", "concurrency": "manyPerInstance", "batching": { "source": "sqs" } }""")
            .Should().ContainSingle().Which.Should().Match<ValidationError>(e => e.Path == "policies[1].batching" && e.Rule.Contains("onePerInstance"));
    }
}
