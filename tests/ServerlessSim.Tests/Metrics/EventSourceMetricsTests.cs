using ServerlessSim.Metrics;
using ServerlessSim.Reporting;

namespace ServerlessSim.Tests.Metrics;

public class EventSourceMetricsTests
{
    private static readonly QueueRequestCounts NoRequests = new(0, 0, 0, 0);

    [Test]
    public void Depth_and_the_oldest_messages_age_are_integrated_exactly_over_the_window()
    {
        // Window [10, 30). 4 messages from 0, the oldest sent at 0, until 20; then 2, the oldest sent at 15, until 40.
        var metrics = new EventSourceMetrics("sqs", 10, 30, maxBatchSize: 10, timeSeriesStepSeconds: null);
        metrics.Advance(0, 0, double.PositiveInfinity);
        metrics.Advance(20, 4, 0);
        var result = metrics.ToResult(NoRequests, 2, 15);

        result.DepthMean.Should().BeApproximately(((4 * 10) + (2 * 10)) / 20.0, 1e-12);
        result.DepthMax.Should().Be(4);
        result.OldestAgeSecondsMax.Should().Be(20, "the age reaches 20 at 20 (sent at 0), then 15 at 30");

        // Age from 10 to 20 on a message sent at 0: mean 15 over 10 s; from 20 to 30 on one sent at 15: mean 10.
        result.OldestAgeSecondsMean.Should().BeApproximately(((15 * 10) + (10 * 10)) / 20.0, 1e-12);
    }

    [Test]
    public void Batch_sizes_are_summarised_exactly_over_the_counted_invocations()
    {
        var metrics = new EventSourceMetrics("sqs", 10, 100, maxBatchSize: 10, timeSeriesStepSeconds: null);
        metrics.OnInvocation(false, 5, 10);
        for (var i = 0; i < 98; i++)
        {
            metrics.OnInvocation(true, 20, 2);
        }

        metrics.OnInvocation(true, 30, 7);
        metrics.OnInvocation(true, 140, 10);
        var result = metrics.ToResult(NoRequests, 0, double.PositiveInfinity);

        result.Invocations.Should().Be(100);
        result.BatchSize.Should().Be(new BatchSizeSummary(((98 * 2) + 7 + 10) / 100.0, 2, 7, 10));
    }

    [Test]
    public void Everything_counts_for_the_messages_sent_in_the_window()
    {
        var metrics = new EventSourceMetrics("sqs", 10, 100, maxBatchSize: 10, timeSeriesStepSeconds: null);
        metrics.OnSent(true);
        metrics.OnSent(false);
        metrics.OnProcessed(true);
        metrics.OnDeadLettered(true, 150);
        metrics.OnExpired(false);
        metrics.OnThrottledAttempt(true);
        metrics.OnThrottledAttempt(false);
        metrics.OnReturned(true);
        metrics.OnFailedInvocation(false);
        metrics.OnDuplicate(true);
        var result = metrics.ToResult(new QueueRequestCounts(1, 2, 3, 4), 0, double.PositiveInfinity);

        (result.Sent, result.Processed, result.DeadLettered, result.Expired).Should().Be((1, 1, 1, 0));
        (result.ThrottledInvocations, result.ReturnedMessages, result.FailedInvocations, result.DuplicateProcessing).Should().Be((1, 1, 0, 1));
        result.Requests.Total.Should().Be(10);
        result.ToMetrics().Should().Contain(("batching.sqsRequests", 10)).And.Contain(("batching.deadLettered", 1));
    }

    [Test]
    public void The_time_series_covers_the_run_from_zero_by_step()
    {
        var metrics = new EventSourceMetrics("sqs", 2, 5, maxBatchSize: 10, timeSeriesStepSeconds: 1);
        metrics.Advance(0.5, 0, double.PositiveInfinity);
        metrics.Advance(1.5, 2, 0.5);
        metrics.OnInvocation(false, 1.5, 2);
        metrics.Advance(3.2, 0, double.PositiveInfinity);
        metrics.OnDeadLettered(false, 3.2);
        var result = metrics.ToResult(NoRequests, 0, double.PositiveInfinity);

        result.TimeSeries.Should().Equal(
            new EventSourcePoint(0, 1, 0.5, 0, 0),
            new EventSourcePoint(1, 1, 1, 1, 0),
            new EventSourcePoint(2, 0, 0, 0, 0),
            new EventSourcePoint(3, 0, 0, 0, 1),
            new EventSourcePoint(4, 0, 0, 0, 0));
    }
}
