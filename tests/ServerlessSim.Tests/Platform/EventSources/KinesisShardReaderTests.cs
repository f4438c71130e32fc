using ServerlessSim.Engine;
using ServerlessSim.Platform.EventSources;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Randomness;

namespace ServerlessSim.Tests.Platform.EventSources;

public class KinesisShardReaderTests
{
    private static (KinesisShardReader Reader, RecordingOutcomes Outcomes) NewReader(KinesisEventSourceOptions options)
    {
        var outcomes = new RecordingOutcomes { Messages = new MessageTable() };
        return (new KinesisShardReader(options, outcomes.Messages, outcomes), outcomes);
    }

    private static void ShouldConserveRecords(KinesisShardReader reader) =>
        reader.Appended.Should().Be(reader.Processed + reader.Discarded + reader.Expired + reader.Pending + reader.InProcess);

    [Test]
    public void Keys_spread_over_shards_then_lanes_and_each_key_keeps_its_lane()
    {
        var (reader, _) = NewReader(BatchingOptions.Kinesis(shards: 4, parallelizationFactor: 3));
        reader.Lanes.Should().Be(12);
        Enumerable.Range(0, 12).Select(reader.LaneOf).Should().BeEquivalentTo(Enumerable.Range(0, 12), "12 consecutive keys fill the 12 lanes");
        reader.LaneOf(5).Should().Be(reader.LaneOf(5 + 12));
        (reader.LaneOf(1) / 3).Should().Be(1, "key 1 is on shard 1");
    }

    [Test]
    public void Records_are_readable_only_after_a_poll_and_a_lane_takes_one_batch_at_a_time_in_order()
    {
        var (reader, _) = NewReader(BatchingOptions.Kinesis(shards: 1) with { BatchSize = 2 });
        var slots = new int[10];
        reader.Append(0.2, key: 7, 100);
        reader.Append(0.4, key: 7, 100);
        reader.Append(0.6, key: 7, 100);
        reader.TryTakeBatch(0, 0.7, slots).Should().Be(0, "not polled yet");

        reader.Poll();
        reader.TryTakeBatch(0, 1, slots).Should().Be(2);
        reader.IsBusy(0).Should().BeTrue();
        reader.TryTakeBatch(0, 1, slots).Should().Be(0, "one batch at a time per lane");
        reader.Complete(0, success: true, 1.5);
        reader.TryTakeBatch(0, 1.5, slots).Should().Be(1, "the rest, already read at the last poll");
        reader.Complete(0, success: true, 2);
        (reader.Processed, reader.Pending, reader.InProcess).Should().Be((3, 0, 0));
        ShouldConserveRecords(reader);
    }

    [Test]
    public void With_a_window_a_lane_waits_for_a_full_batch_or_the_end_of_the_window()
    {
        var (reader, _) = NewReader(BatchingOptions.Kinesis(shards: 1) with { BatchSize = 3, BatchingWindow = SimDuration.FromSeconds(5) });
        var slots = new int[10];
        reader.Append(0.5, key: 0, 100);
        reader.Poll();
        reader.TryTakeBatch(0, 1, slots).Should().Be(0, "one record, window open until 6");
        reader.WindowEndSeconds(0).Should().Be(6);
        reader.Append(1.5, key: 0, 100);
        reader.Poll();
        reader.TryTakeBatch(0, 2, slots).Should().Be(0);
        reader.TryTakeBatch(0, 6, slots).Should().Be(2, "the window ended");

        reader.Complete(0, success: true, 7);
        for (var i = 0; i < 3; i++)
        {
            reader.Append(7.1, key: 0, 100);
        }

        reader.Poll();
        reader.TryTakeBatch(0, 8, slots).Should().Be(3, "a full batch goes at once");
    }

    [Test]
    public void A_failed_batch_is_retried_first_and_discarded_when_its_retries_run_out()
    {
        var (reader, outcomes) = NewReader(BatchingOptions.Kinesis(shards: 1) with { BatchSize = 2, MaximumRetryAttempts = 1 });
        var slots = new int[10];
        reader.Append(0, key: 0, 100);
        reader.Append(0, key: 0, 100);
        reader.Append(0, key: 0, 100);
        reader.Poll();
        reader.TryTakeBatch(0, 1, slots).Should().Be(2);
        var firstBatch = slots[..2].ToArray();
        reader.Complete(0, success: false, 2);
        reader.TryTakeBatch(0, 2, slots).Should().Be(2);
        slots[..2].Should().Equal(firstBatch, "the shard is blocked until the failed batch is through");
        reader.Complete(0, success: false, 3);
        outcomes.DeadLettered.Should().HaveCount(2);
        reader.TryTakeBatch(0, 3, slots).Should().Be(1);
        ShouldConserveRecords(reader);
    }

    [Test]
    public void Records_expire_at_the_end_of_retention_unless_their_batch_is_being_processed()
    {
        var options = BatchingOptions.Kinesis(shards: 2) with { RetentionPeriod = SimDuration.FromSeconds(86_400) };
        var (reader, outcomes) = NewReader(options);
        var slots = new int[10];
        reader.Append(0, key: 0, 100);
        reader.Append(1, key: 1, 100);
        reader.Poll();
        reader.TryTakeBatch(1, 1, slots).Should().Be(1);

        reader.ExpireDue(86_401);
        outcomes.Expired.Should().Equal((0.0, 86_401.0));
        reader.InProcess.Should().Be(1, "the other record's batch is still running");
        ShouldConserveRecords(reader);
    }

    [Test]
    public void Records_are_conserved_and_each_lane_processed_in_order_over_a_random_history()
    {
        var random = RandomStream.For(3, 0, 0, StreamPurpose.Policy);
        var (reader, outcomes) = NewReader(BatchingOptions.Kinesis(shards: 3, parallelizationFactor: 2) with
        {
            BatchSize = 5, PartitionKeys = 20, MaximumRetryAttempts = 2,
        });
        var slots = new int[5];
        var batches = new Dictionary<int, double[]>();
        var lastProcessed = Enumerable.Repeat(-1.0, reader.Lanes).ToArray();
        var now = 0.0;
        for (var step = 0; step < 20_000; step++)
        {
            now += random.NextDouble();
            var lane = random.Next(reader.Lanes);
            switch (random.Next(3))
            {
                case 0:
                    reader.Append(now, random.Next(20), 1_000);
                    break;
                case 1:
                    reader.Poll();
                    var n = reader.TryTakeBatch(lane, now, slots);
                    if (n > 0)
                    {
                        batches[lane] = slots[..n].Select(s => outcomes.Messages!.SentSeconds[s]).ToArray();
                    }

                    break;
                default:
                    if (reader.IsBusy(lane))
                    {
                        var success = random.NextDouble() < 0.7;
                        var processedBefore = reader.Processed;
                        reader.Complete(lane, success, now);
                        if (reader.Processed > processedBefore)
                        {
                            batches[lane].Should().BeInAscendingOrder();
                            batches[lane][0].Should().BeGreaterThan(lastProcessed[lane], "a lane is processed in the order its records arrived");
                            lastProcessed[lane] = batches[lane][^1];
                        }
                    }

                    break;
            }

            ShouldConserveRecords(reader);
        }

        reader.Processed.Should().BePositive();
        reader.Discarded.Should().BePositive();
    }
}
