using ServerlessSim.Reporting;
using ServerlessSim.Tests.TestSupport;

namespace ServerlessSim.Tests.Reporting;

public class LatencyDistributionTests
{
    [Test]
    public void Every_run_keeps_its_latency_at_each_percentile_in_order_and_consistent_with_its_summary()
    {
        foreach (var run in SmallComparison.Result.Policies.SelectMany(p => p.Replications))
        {
            run.LatencyPercentiles.Select(p => p.Percentile).Should().Equal(LatencyDistribution.Percentiles);
            run.LatencyPercentiles.Select(p => p.Ms).Should().BeInAscendingOrder();
            run.LatencyPercentiles.Single(p => p.Percentile == 50).Ms.Should().Be(run.LatencyMs.P50);
            run.LatencyPercentiles.Single(p => p.Percentile == 99).Ms.Should().Be(run.LatencyMs.P99);
            run.LatencyPercentiles[^1].Ms.Should().BeApproximately(run.LatencyMs.Max, run.LatencyMs.Max * 0.001, "the 100th percentile is the maximum within 0.1%");
        }
    }

    [Test]
    public void The_average_over_replications_is_the_mean_at_each_percentile_with_a_half_width()
    {
        var runs = SmallComparison.Result.Policies[0].Replications;

        var average = LatencyDistribution.Average(runs);

        average.Should().HaveCount(LatencyDistribution.Percentiles.Count);
        for (var i = 0; i < average.Count; i++)
        {
            average[i].MeanMs.Should().BeApproximately((runs[0].LatencyPercentiles[i].Ms + runs[1].LatencyPercentiles[i].Ms) / 2, 1e-9);
            average[i].Replications.Should().Be(2);
            average[i].HalfWidth95Ms.Should().NotBeNull();
        }
    }

    [Test]
    public void Runs_without_completed_requests_are_left_out_and_none_gives_an_empty_distribution()
    {
        var run = SmallComparison.Result.Policies[0].Replications[0];
        var empty = run with { LatencyPercentiles = [] };

        LatencyDistribution.Average([empty]).Should().BeEmpty();
        LatencyDistribution.Average([empty, run]).Select(p => p.MeanMs).Should().Equal(run.LatencyPercentiles.Select(p => p.Ms));
    }

    [Test]
    public void The_csv_has_one_row_per_policy_and_percentile()
    {
        var result = SmallComparison.Result;

        var lines = CsvWriters.LatencyPercentiles(result).TrimEnd('\n').Split('\n');

        lines[0].Should().Be("policy,percentile,latencyMs,ci95HalfWidth,replications");
        lines.Should().HaveCount(1 + (result.Policies.Count * LatencyDistribution.Percentiles.Count));
        lines[1].Should().StartWith("lambda,0.1,");
        lines[^1].Should().StartWith("many-k80,100,").And.EndWith(",2");
    }
}
