using ServerlessSim.Configuration;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Tests.Configuration;
using ServerlessSim.Workload.Traces;

namespace ServerlessSim.Tests.Workload.Traces;

/// <summary>A trace replayed end to end: every invocation of the trace arrives in the run, in one shared account.</summary>
public class TraceReplayTests
{
    [Test]
    public void Replaying_the_ten_function_sample_simulates_every_invocation_of_the_hours_replayed_and_loses_none()
    {
        var workload = TraceReplay.Load(TraceFormat.Azure2019, TraceSamples.Azure2019TenFunctions, new TraceReplayOptions { TopFunctions = 3 });
        var builtIn = BuiltInScenarios.IoHeavyApi();
        var scenario = TraceReplay.ToScenario(workload, builtIn, builtIn.Function) with
        {
            Horizon = SimDuration.FromSeconds(3 * 3600), // the first 3 hours of the day: 180 minute columns
            Replications = 1,
        };

        var run = ScenarioRunner.Run(scenario, 0, 0);

        var file = Path.Combine(TraceSamples.Azure2019TenFunctions, Azure2019Trace.InvocationsFileName);
        var header = File.ReadLines(file).First().Split(',');
        var replayed = workload.Functions.Select(f => f.Id).ToHashSet();
        var firstMinute = Array.IndexOf(header, "1");
        var expected = TraceSamples.Rows(file)
            .Where(row => replayed.Contains(row[Array.IndexOf(header, "HashFunction")]))
            .Sum(row => row.Skip(firstMinute).Take(180).Sum(long.Parse));
        run.Requests.Should().Be(expected);
        run.FunctionResults.Should().HaveCount(3);
        run.Requests.Should().Be(run.Completed + run.Throttled);
    }

    [Test]
    public void A_scenario_file_names_a_trace_relative_to_itself_and_its_functions_share_the_template()
    {
        var scenario = ScenarioFile.Load(ExampleFiles.PathOf("azure-2019-replay.json"));

        scenario.Functions.Should().HaveCount(10);
        scenario.Functions.Should().AllSatisfy(f => f.KeepAlive.Seconds.Should().Be(600));
        scenario.Functions.Select(f => f.Name).Should().OnlyHaveUniqueItems();
    }

    [TestCase("""{ "format": "azure2019", "path": "nowhere" }""", "nowhere", TestName = "a trace that does not exist")]
    [TestCase("""{ "format": "azure2020", "path": "x" }""", "trace.format", TestName = "an unknown format")]
    [TestCase("""{ "format": "csv", "path": "x", "functions": ["top:0"] }""", "trace.functions", TestName = "a bad selector")]
    [TestCase("""{ "format": "csv", "path": "x", "timeScale": 0 }""", "trace.timeScale", TestName = "a zero time scale")]
    [TestCase("""{ "format": "csv", "path": "x", "function": { "arrivals": {} } }""", "trace.function.arrivals", TestName = "arrivals in the template")]
    public void A_bad_trace_section_names_the_problem(string trace, string named)
    {
        var json = $$"""{ "name": "t", "horizonSeconds": 60, "trace": {{trace}}, "policies": [ { "name": "l", "concurrency": "onePerInstance" } ] }""";

        var parse = () => ScenarioFile.Parse(json);

        parse.Should().Throw<ScenarioValidationException>().Which.Errors.Should().Contain(e => (e.Path + e.Value).Contains(named));
    }

    [Test]
    public void Function_and_trace_together_are_rejected()
    {
        var json = """
            { "name": "t", "horizonSeconds": 60, "trace": { "format": "csv", "path": "x" },
              "function": { "arrivals": { "ratePerSecond": 1 }, "work": { "cpuMs": 1 } },
              "policies": [ { "name": "l", "concurrency": "onePerInstance" } ] }
            """;

        var parse = () => ScenarioFile.Parse(json);

        parse.Should().Throw<ScenarioValidationException>().Which.Errors.Should().Contain(e => e.Path == "trace" && e.Rule.Contains("must not be given with \"function\""));
    }
}
