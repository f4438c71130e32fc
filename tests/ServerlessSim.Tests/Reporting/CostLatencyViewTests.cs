using ServerlessSim.Experiments;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Reporting;
using ServerlessSim.Tests.TestSupport;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Reporting;

public class CostLatencyViewTests
{
    private static readonly CostLatencyPoint Lambda = new("lambda", 3.54, 622.5);
    private static readonly CostLatencyPoint K80 = new("k80", 1.39, 875.3);
    private static readonly CostLatencyPoint K20 = new("k20", 2.00, 900);
    private static readonly CostLatencyPoint K40 = new("k40", 1.80, 700);

    [Test]
    public void The_frontier_holds_the_cheapest_option_for_each_p99_target_and_the_rest_are_dominated()
    {
        var view = CostLatencyView.From([K20, Lambda, K80, K40]);

        view.Frontier.Should().Equal(Lambda, K40, K80);
        view.Dominated.Should().Equal(K20);
    }

    [TestCase(600.0, null)]
    [TestCase(622.5, "lambda")]
    [TestCase(699.9, "lambda")]
    [TestCase(700.0, "k40")]
    [TestCase(10_000.0, "k80")]
    public void Cheapest_within_a_target_is_the_cheapest_option_at_least_that_fast(double p99LimitMs, string? label)
    {
        CostLatencyView.From([K20, Lambda, K80, K40]).CheapestWithin(p99LimitMs)?.Label.Should().Be(label);
        if (label is null)
        {
            CostLatencyView.From([K20, Lambda, K80, K40]).CheapestWithin(p99LimitMs).Should().BeNull();
        }
    }

    [Test]
    public void An_option_as_fast_but_dearer_is_dominated_and_missing_values_are_left_out()
    {
        var view = CostLatencyView.From([new("a", 2, 100), new("b", 1, 100), new("c", double.NaN, 50)]);

        view.Frontier.Select(p => p.Label).Should().Equal("b");
        view.Dominated.Select(p => p.Label).Should().Equal("a");
    }

    [Test]
    public void Text_and_markdown_read_as_targets()
    {
        var view = CostLatencyView.From([Lambda, K80, K20]);

        view.ToLines().Should().Equal(
            "cost vs latency, the cheapest option for each p99 target:",
            "  p99 <= 622.5 ms: lambda at $3.5400 per 1M requests",
            "  p99 <= 875.3 ms: k80 at $1.3900 per 1M requests",
            "  dominated: k20 at $2.0000 per 1M requests, p99 900.0 ms");
        view.ToMarkdown().Should().Contain("| <= 622.5 | lambda | 3.5400 |").And.Contain("| (dominated, p99 900.0) | k20 | 2.0000 |");
    }

    [Test]
    public void A_comparisons_policies_are_its_points_and_a_throttling_policy_says_so()
    {
        var scenario = TestScenarios.Single(
            PolicyOptions.OnePerInstance("lambda"), ArrivalProcess.Constant(20), ConstantDistribution.Zero, new ConstantDistribution(0.5),
            horizonSeconds: 20, warmUpSeconds: 1, concurrencyLimit: 5) with
        {
            Policies = [PolicyOptions.OnePerInstance("lambda"), PolicyOptions.ManyPerInstance(100, vCpus: 1, name: "k100")],
        };
        var result = Comparison.Run(scenario);

        var view = CostLatencyView.From(result);

        view.Frontier.Concat(view.Dominated).Select(p => p.Label).Should().BeEquivalentTo("k100", $"lambda ({result["lambda"]["throttleRatio"] * 100:0.00}% throttled)");
        result["lambda"]["throttleRatio"].Should().BeGreaterThan(0, "10 requests in flight and a limit of 5");
    }
}
