using ServerlessSim.Configuration;
using ServerlessSim.Engine;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Randomness;

namespace ServerlessSim.Tests.Policies;

public class BatchingOptionsTests
{
    [Test]
    public void The_sqs_defaults_are_lambdas()
    {
        var sqs = BatchingOptions.Sqs();
        (sqs.Kind, sqs.BatchSize, sqs.BatchingWindow, sqs.MaximumConcurrency, sqs.ReportBatchItemFailures).Should().Be(("sqs", 10, SimDuration.Zero, (int?)null, false));
        (sqs.Queue.VisibilityTimeout, sqs.Queue.RetentionPeriod, sqs.Queue.MaxReceiveCount, sqs.Queue.Fifo)
            .Should().Be((SimDuration.FromSeconds(30), SimDuration.FromSeconds(345_600), (int?)null, false));
        var pollers = sqs.EffectivePollers;
        (pollers.InitialConcurrency, pollers.IncreasePerMinute, pollers.MaxConcurrency).Should().Be((5, 300.0, 1_250));
        sqs.EffectiveMaxConcurrency.Should().Be(1_250);
        (sqs with { MaximumConcurrency = 40 }).EffectiveMaxConcurrency.Should().Be(40);
        sqs.EffectiveExecution.Should().Be(BatchExecutionOptions.Sequential);
        sqs.MessageSizeBytes.Should().Be(new ConstantDistribution(1024));
        sqs.Validate().Should().BeEmpty();
    }

    [Test]
    public void The_kinesis_defaults_are_lambdas()
    {
        var kinesis = BatchingOptions.Kinesis(shards: 4);
        (kinesis.Kind, kinesis.BatchSize, kinesis.Shards, kinesis.ParallelizationFactor, kinesis.PollInterval.Seconds, kinesis.RetentionPeriod.Seconds)
            .Should().Be(("kinesis", 100, 4, 1, 1.0, 86_400.0));
        kinesis.Validate().Should().BeEmpty("Kinesis takes batches above 10 with no window");
    }

    [Test]
    public void A_batched_policy_is_lambda_behind_the_source_and_the_preset_is_the_sqs_defaults()
    {
        var policy = PolicyOptions.Batched(BatchingOptions.Sqs(100, SimDuration.FromSeconds(5)));
        policy.Name.Should().Be("sqs-batch-100");
        policy.IsMany.Should().BeFalse();
        policy.Batching.Should().BeOfType<SqsEventSourceOptions>().Which.BatchingWindow.Should().Be(SimDuration.FromSeconds(5));

        Presets.SqsBatching.Batching.Should().Be(BatchingOptions.Sqs());
        (Presets.SqsBatching.Name, Presets.SqsBatching.Preset).Should().Be(("sqs-batching", "sqsBatching"));
    }

    [Test]
    public void Every_problem_is_reported_at_once_with_its_path_value_and_rule()
    {
        var bad = BatchingOptions.Sqs(20_000, SimDuration.FromSeconds(301), maximumConcurrency: 1, maxReceiveCount: 0) with
        {
            Queue = new SqsQueueOptions { MaxReceiveCount = 0, VisibilityTimeout = SimDuration.FromSeconds(50_000), RetentionPeriod = SimDuration.FromSeconds(10) },
            MessageSizeBytes = new ConstantDistribution(2_000_000),
            Execution = BatchExecutionOptions.Concurrent with { OverheadIo = SimDuration.FromSeconds(1) },
            Pollers = new PollerScalingOptions { InitialConcurrency = 0 },
        };

        bad.Validate("policies[2].batching").Select(e => e.Path).Should().BeEquivalentTo(
            "policies[2].batching.batchSize",
            "policies[2].batching.maximumConcurrency",
            "policies[2].batching.queue.visibilityTimeoutSeconds",
            "policies[2].batching.queue.retentionPeriodSeconds",
            "policies[2].batching.queue.maxReceiveCount",
            "policies[2].batching.pollers.initialConcurrency",
            "policies[2].batching.batchingWindowSeconds",
            "policies[2].batching.messageSizeBytes",
            "policies[2].batching.execution.overheadIoMs");
        bad.Validate().Should().Contain(e => e.Path == "batching.batchSize" && e.Value == "20000" && e.Rule == "must be an integer from 1 to 10000");
    }

    [TestCase(11, 0, false, "batching.batchingWindowSeconds", "must be at least 1 when batchSize is above 10 (11)")]
    [TestCase(11, 1, false, null, null)]
    [TestCase(10, 0, false, null, null)]
    [TestCase(11, 0, true, "batching.batchSize", "must be an integer from 1 to 10 (FIFO queues)")]
    [TestCase(10, 1, true, "batching.batchingWindowSeconds", "must be 0 with a FIFO queue (Lambda takes no batching window from FIFO queues)")]
    [TestCase(10, 0.5, false, "batching.batchingWindowSeconds", "must be a whole number of seconds from 0 to 300")]
    public void Batch_size_window_and_fifo_rules(int batchSize, double window, bool fifo, string? path, string? rule)
    {
        var options = BatchingOptions.Sqs(batchSize, SimDuration.FromSeconds(window)) with { Queue = new SqsQueueOptions { Fifo = fifo } };
        var errors = options.Validate();
        if (path is null)
        {
            errors.Should().BeEmpty();
        }
        else
        {
            errors.Should().ContainSingle().Which.Should().Be(new ValidationError(path, ValidationErrors.Show(path.EndsWith("batchSize") ? batchSize : window), rule!));
        }
    }

    [Test]
    public void Message_groups_need_a_fifo_queue_and_kinesis_checks_its_own_ranges()
    {
        (BatchingOptions.Sqs() with { Queue = new SqsQueueOptions { MessageGroups = 4 } }).Validate()
            .Should().ContainSingle().Which.Rule.Should().Be("is only allowed with \"fifo\": true");

        var kinesis = BatchingOptions.Kinesis(0, 11) with { PollInterval = SimDuration.Zero, MaximumRetryAttempts = -1 };
        kinesis.Validate().Select(e => e.Path).Should().BeEquivalentTo(
            "batching.shards", "batching.parallelizationFactor", "batching.pollIntervalSeconds", "batching.maximumRetryAttempts");
    }
}
