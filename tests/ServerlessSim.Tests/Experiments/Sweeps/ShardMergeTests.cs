using ServerlessSim.Configuration;
using ServerlessSim.Experiments.Sweeps;
using ServerlessSim.Reporting;
using ServerlessSim.Tests.TestSupport;

namespace ServerlessSim.Tests.Experiments.Sweeps;

public class ShardMergeTests
{
    private static readonly SweepPlan Plan = Sweep.Plan(new SweepRequest(SweepScenarios.Small)
    {
        Parameters = [SweepParameter.Parse("policies[1].maxConcurrentPerInstance=1,5,20"), SweepParameter.Parse("function.keepAliveSeconds=10,60")],
        Objective = new SweepObjective(MaxP99Ms: 400, MaxThrottleRatio: 0.01),
    });

    private static readonly Lazy<SweepResult> Whole = new(() => Sweep.Run(Plan));

    // A part as merge sees it: written to JSON and read back.
    private static (string, SweepResult) Part(int index, int count) =>
        ($"part-{index}", SweepDocumentReader.Parse(SweepDocument.ToJson(Sweep.Run(Plan, new SweepShard(index, count))), $"part-{index}"));

    [Test]
    public void Shards_take_every_point_once_round_robin()
    {
        var shards = Enumerable.Range(0, 4).Select(i => new SweepShard(i, 4)).ToArray();

        Enumerable.Range(0, 6).Select(p => shards.Count(s => s.Contains(p))).Should().OnlyContain(n => n == 1);
        Enumerable.Range(0, 6).Where(new SweepShard(1, 4).Contains).Should().Equal(1, 5);
    }

    [Test]
    public void Merged_parts_in_any_order_are_byte_identical_to_the_single_process_output()
    {
        var json = SweepDocument.ToJson(Whole.Value);
        var csv = SweepCsv.ToCsv(Whole.Value);

        // 6 points in 4 shards: two parts of two points, two of one; given out of order.
        var merged = SweepMerge.Merge([Part(2, 4), Part(0, 4), Part(3, 4), Part(1, 4)]);

        SweepDocument.ToJson(merged).Should().Be(json);
        SweepCsv.ToCsv(merged).Should().Be(csv);
        json.Should().Contain("\"choice\"");
    }

    [Test]
    public void The_result_does_not_depend_on_the_threads()
    {
        SweepDocument.ToJson(Sweep.Run(Plan, maxDegreeOfParallelism: 1)).Should().Be(SweepDocument.ToJson(Whole.Value));
    }

    [Test]
    public void The_tidy_csv_has_a_row_per_point_policy_and_metric()
    {
        var lines = SweepCsv.ToCsv(Whole.Value).TrimEnd('\n').Split('\n');
        var metrics = Whole.Value.Points[0].Rows.Count / 2;

        lines[0].Should().Be("point,policies[1].maxConcurrentPerInstance,function.keepAliveSeconds,policy,metric,mean,ci95HalfWidth,replications");
        lines.Should().HaveCount(1 + (6 * 2 * metrics));
        lines.Should().Contain(l => l.StartsWith("3,5,60,many,latencyMs.p99,", StringComparison.Ordinal) && l.EndsWith(",2", StringComparison.Ordinal));
    }

    [Test]
    public void Overlapping_missing_and_foreign_parts_are_rejected_with_every_problem()
    {
        var other = Sweep.Plan(new SweepRequest(SweepScenarios.Small) { Parameters = [SweepParameter.Parse("seed=1,2,3")] });
        var foreign = SweepDocumentReader.Parse(SweepDocument.ToJson(Sweep.Run(other, new SweepShard(2, 3))), "foreign");

        var act = () => SweepMerge.Merge([Part(0, 3), Part(0, 3), ("foreign", foreign)]);

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Select(e => e.ToString()).Should().BeEquivalentTo(
            "part-0: shard 0/3 is the same shard as part-0: give each shard once",
            $"foreign: shard 2/3 comes from a different sweep than part-0 (fingerprint {foreign.Header.Fingerprint[..12]} vs {Plan.Header.Fingerprint[..12]}): the scenario, parameters, seed, replications or simulator version differ",
            "merge: shard 1/3 is missing: no part given for it; give one part of each shard 0/3 to 2/3",
            "merge: shard 2/3 is missing: no part given for it; give one part of each shard 0/3 to 2/3");
    }

    [Test]
    public void Parts_with_other_shard_counts_partial_parts_and_whole_sweeps_are_rejected()
    {
        var (_, half) = Part(1, 2);
        var partial = half with { Partial = true };
        var tampered = half with { Points = half.Points.Skip(1).ToArray() };

        var act = () => SweepMerge.Merge([Part(0, 3), ("half", half), ("partial", partial), ("whole", Whole.Value), ("tampered", tampered)]);

        var errors = act.Should().Throw<ScenarioValidationException>().Which.Errors.Select(e => e.ToString()).ToArray();
        errors.Should().Contain("half: shard 1/2 is one of 2 shards but part-0 is one of 3");
        errors.Should().Contain("partial: shard 1/2 is partial (the shard was cancelled or failed); run shard 1/2 again");
        errors.Should().Contain("whole: (no shard) is a whole sweep, not a part; merge takes the files written by sweep --shard i/n");
    }

    [Test]
    public void A_part_holding_the_wrong_points_is_rejected()
    {
        var (_, part) = Part(1, 2);

        var act = () => SweepMerge.Merge([Part(0, 2), ("tampered", part with { Points = part.Points.Skip(1).ToArray() })]);

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle()
            .Which.ToString().Should().Be("tampered: shard 1/2 holds points [3, 5] but shard 1/2 of 6 points is [1, 3, 5]");
    }

    [Test]
    public void A_cancelled_sweep_keeps_what_finished_and_says_it_is_partial()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(_ => cancellation.Cancel());

        var result = Sweep.Run(Plan, maxDegreeOfParallelism: 1, progress: progress, cancellationToken: cancellation.Token);

        result.Partial.Should().BeTrue();
        result.Points.Should().ContainSingle().Which.Index.Should().Be(0);
        result.Points[0].Rows.Should().Equal(Whole.Value.Points[0].Rows);
        SweepDocument.ToJson(result).Should().Contain("\"partial\": true");
    }

    private sealed class SynchronousProgress(Action<(int Finished, int Total)> report) : IProgress<(int Finished, int Total)>
    {
        public void Report((int Finished, int Total) value) => report(value);
    }
}
