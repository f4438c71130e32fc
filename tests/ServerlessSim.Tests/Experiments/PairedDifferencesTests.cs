using System.Text.Json;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Reporting;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Experiments;

public class PairedDifferencesTests
{
    // The built-in scenario scaled down ten-fold, with the policies given.
    private static Scenario Small(params PolicyOptions[] policies)
    {
        var builtIn = BuiltInScenarios.IoHeavyApi(11, replications: 4);
        return builtIn with
        {
            Function = builtIn.Function with
            {
                Arrivals = ArrivalProcess.Scheduled(ArrivalKind.Poisson, [new(0, 100), new(30, 800), new(36, 100)]),
            },
            Account = new AccountOptions(100),
            Horizon = SimDuration.FromSeconds(60),
            WarmUp = SimDuration.FromSeconds(10),
            Policies = policies,
        };
    }

    [Test]
    public void The_same_policy_twice_differs_in_nothing()
    {
        var result = Comparison.Run(Small(PolicyOptions.ManyPerInstance(80, vCpus: 1, name: "a"), PolicyOptions.ManyPerInstance(80, vCpus: 1, name: "b")));

        var differences = result.Differences.Should().ContainSingle().Subject;
        differences.Policy.Should().Be("b");
        differences.Baseline.Should().Be("a");
        differences.Metrics.Should().HaveCount(result.Policies[0].Metrics.Count);
        differences.Metrics.Should().OnlyContain(d => d.Mean == 0 && d.HalfWidth95 == 0 && d.Significant == false && d.Pairs == 4);
        ComparisonTable.From(result).Rows.Select(row => row[row.Count - 1]).Should().NotContain(cell => cell.EndsWith(" *", StringComparison.Ordinal));
    }

    [Test]
    public void One_against_eighty_per_instance_differs_significantly_where_it_should_and_not_in_the_traffic()
    {
        var result = Comparison.Run(Small(PolicyOptions.ManyPerInstance(1, vCpus: 1, name: "k1"), PolicyOptions.ManyPerInstance(80, vCpus: 1, name: "k80")));

        var differences = result.Differences[0];
        differences["instances.mean"].Significant.Should().BeTrue();
        differences["instances.mean"].Mean.Should().BeNegative("80 requests share an instance");
        differences["throttleRatio"].Significant.Should().BeTrue("one per instance needs more than the 100 instances allowed in the spike");
        differences["requests"].Should().Be(new PairedDifference("requests", 0, 0, 4), "common random numbers: both saw the same requests");
        differences["requests"].Significant.Should().BeFalse();
        ComparisonTable.From(result).Rows.Single(r => r[0] == "instances mean")[^1].Should().EndWith(" *");
        ComparisonTable.From(result).Rows.Single(r => r[0] == "requests")[^1].Should().Be("1.00x");
        ReportWriter.Markdown(result).Should().Contain("| instances mean |").And.Contain(ComparisonTable.SignificanceNote);
    }

    [Test]
    public void Pairing_narrows_the_interval_under_common_random_numbers()
    {
        var result = Comparison.Run(Small(PolicyOptions.ManyPerInstance(40, vCpus: 1, name: "k40"), PolicyOptions.ManyPerInstance(80, vCpus: 1, name: "k80")));

        var paired = result.Differences[0]["latencyMs.mean"].HalfWidth95!.Value;
        var separate = result.Policies[0].Metric("latencyMs.mean").HalfWidth95!.Value + result.Policies[1].Metric("latencyMs.mean").HalfWidth95!.Value;
        paired.Should().BeLessThan(separate);
    }

    [Test]
    public void The_results_document_and_the_csv_carry_the_differences()
    {
        var result = Comparison.Run(Small(PolicyOptions.ManyPerInstance(1, vCpus: 1, name: "k1"), PolicyOptions.ManyPerInstance(80, vCpus: 1, name: "k80")));

        using var document = JsonDocument.Parse(ResultsDocument.ToJson(result));
        var entry = document.RootElement.GetProperty("comparison").GetProperty("differences").EnumerateArray().Should().ContainSingle().Subject;
        entry.GetProperty("policy").GetString().Should().Be("k80");
        entry.GetProperty("pairs").GetInt32().Should().Be(4);
        var instances = entry.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "instances.mean");
        instances.GetProperty("significant").GetBoolean().Should().BeTrue();
        instances.GetProperty("mean").GetDouble().Should().Be(result.Differences[0]["instances.mean"].Mean);

        var csv = CsvWriters.Differences(result).Split('\n');
        csv[0].Should().Be("policy,baseline,metric,meanDifference,ci95HalfWidth,pairs,significant");
        csv.Should().Contain(l => l.StartsWith("k80,k1,instances.mean,", StringComparison.Ordinal) && l.EndsWith(",4,true", StringComparison.Ordinal));
    }

    [Test]
    public void With_one_replication_there_is_no_interval_and_no_verdict()
    {
        var result = Comparison.Run(Small(PolicyOptions.OnePerInstance("lambda"), PolicyOptions.ManyPerInstance(80, vCpus: 1, name: "k80")) with { Replications = 1 });

        result.Differences[0].Metrics.Should().OnlyContain(d => d.HalfWidth95 == null && d.Significant == null && d.Pairs == 1);
        ResultsDocument.ToJson(result).Should().Contain("\"significant\": null");
    }
}
