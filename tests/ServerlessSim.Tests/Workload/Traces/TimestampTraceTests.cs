using System.Globalization;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;
using ServerlessSim.Workload.Traces;
using static ServerlessSim.Tests.Workload.ArrivalStatistics;

namespace ServerlessSim.Tests.Workload.Traces;

/// <summary>Per-invocation traces: the Azure Functions 2021 sample and users' own CSV files.</summary>
public class TimestampTraceTests
{
    [Test]
    public void The_2021_sample_replays_each_invocation_at_its_start()
    {
        var workload = Azure2021Trace.Load(TraceSamples.Azure2021);
        var rows = TraceSamples.Rows(TraceSamples.Azure2021)
            .Select(r => (Key: $"{r[0]}/{r[1]}", Start: Number(r[2]) - Number(r[3]), Duration: Number(r[3])))
            .ToArray();
        var origin = rows.Min(r => r.Start);

        workload.Invocations.Should().Be(rows.Length);
        workload.OriginSeconds.Should().Be(origin);
        workload.Functions.Should().HaveCount(rows.Select(r => r.Key).Distinct().Count());
        foreach (var function in workload.Functions)
        {
            var mine = rows.Where(r => r.Key == $"{function.App}/{function.Id}").ToArray();
            Arrivals(function.Arrivals, double.PositiveInfinity).Should().Equal(mine.Select(r => r.Start - origin).Order());
            function.Duration!.Mean.Should().BeApproximately(mine.Average(r => r.Duration), 1e-9);
            ((EmpiricalDistribution)function.Duration).Quantile(1).Should().Be(mine.Max(r => r.Duration));
        }

        workload.DurationSeconds.Should().Be(Math.Floor(rows.Max(r => r.Start) - origin) + 1);
    }

    [Test]
    public void A_csv_file_may_be_unsorted_quoted_and_written_on_windows()
    {
        var directory = TraceSamples.Write(("export.csv",
            "\uFEFFfunction,timestamp,duration\r\n" +
            "\"checkout, v2\",1700000010.5,0.2\r\n" +
            "search,1700000003,0.05\r\n" +
            "\r\n" +
            "\"checkout, v2\",1700000001,0.4\r\n" +
            "search,1700000002,0.15\r\n"));

        var workload = CsvTrace.Load(Path.Combine(directory, "export.csv"));

        workload.OriginSeconds.Should().Be(1_700_000_001);
        workload.Functions.Select(f => f.Name).Should().Equal("checkout, v2", "search");
        Arrivals(workload.Functions[0].Arrivals, double.PositiveInfinity).Should().Equal(0, 9.5);
        Arrivals(workload.Functions[1].Arrivals, double.PositiveInfinity).Should().Equal(1, 2);
        workload.Functions[1].Duration!.Mean.Should().BeApproximately(0.1, 1e-12);
        workload.DurationSeconds.Should().Be(10);
    }

    [Test]
    public void A_csv_file_with_timestamps_only_is_one_function_without_work()
    {
        var directory = TraceSamples.Write(("api-calls.csv", "timestamp\n3\n1\n2\n"));

        var function = CsvTrace.Load(Path.Combine(directory, "api-calls.csv")).Functions.Should().ContainSingle().Subject;

        (function.Name, function.Duration, function.Work, function.Invocations).Should().Be(("api-calls", (IDistribution?)null, (WorkProfile?)null, 3L));
        var template = ServerlessSim.Experiments.BuiltInScenarios.IoHeavyApi().Function;
        function.ToFunctionDefinition(template).Work.Should().Be(template.Work);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
