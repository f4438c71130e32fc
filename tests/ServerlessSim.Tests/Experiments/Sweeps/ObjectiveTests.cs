using ServerlessSim.Experiments.Sweeps;

namespace ServerlessSim.Tests.Experiments.Sweeps;

public class ObjectiveTests
{
    private static SweepPointResult Point(int index, string k, string policy, double cost, double p99, double p99HalfWidth, double throttle) =>
        new(index, [k],
        [
            new SweepRow(policy, "throttleRatio", throttle, 0, 3),
            new SweepRow(policy, "latencyMs.p99", p99, p99HalfWidth, 3),
            new SweepRow(policy, "costUsd.perMillionRequests", cost, 0.01, 3),
        ]);

    private static SweepResult Result(params SweepPointResult[] points) =>
        new(new SweepHeader("s", ["k"], SweepMode.Grid, points.Length, "f", null), points, false, null);

    [Test]
    public void The_cheapest_candidate_whose_means_meet_every_target_is_chosen()
    {
        var result = Result(
            Point(0, "1", "p", cost: 9, p99: 600, p99HalfWidth: 5, throttle: 0.2),   // throttles
            Point(1, "5", "p", cost: 4, p99: 650, p99HalfWidth: 5, throttle: 0),
            Point(2, "20", "p", cost: 1.3, p99: 790, p99HalfWidth: 20, throttle: 0), // the mean meets 800, the upper end does not
            Point(3, "50", "p", cost: 0.9, p99: 1050, p99HalfWidth: 30, throttle: 0));

        var outcome = ObjectiveOutcome.Evaluate(result, new SweepObjective(800, 0.001));

        outcome.Candidates.Select(c => c.MeetsTargets).Should().Equal(false, true, true, false);
        outcome.Choice!.Point.Should().Be(2);
        outcome.Choice.UpperBoundsMeetTargets.Should().BeFalse();
        outcome.Candidates[1].UpperBoundsMeetTargets.Should().BeTrue();
    }

    [Test]
    public void Ties_go_to_the_first_point_and_a_policy_filter_limits_the_candidates()
    {
        var result = Result(Point(0, "1", "a", 2, 100, 1, 0), Point(1, "2", "a", 2, 100, 1, 0), Point(2, "3", "b", 1, 100, 1, 0));

        ObjectiveOutcome.Evaluate(result, new SweepObjective(800, null)).Choice!.Point.Should().Be(2);
        ObjectiveOutcome.Evaluate(result, new SweepObjective(800, null, "a")).Choice!.Point.Should().Be(0);
        ObjectiveOutcome.Evaluate(result, new SweepObjective(50, null)).Choice.Should().BeNull();
    }
}
