using ServerlessSim.Configuration;
using ServerlessSim.Experiments;

namespace ServerlessSim.Tests.Configuration;

/// <summary>Scenario files with several functions: "functions" as an array, exclusive with "function".</summary>
public class ScenarioFileFunctionsTests
{
    private const string Work = "\"work\": { \"cpuMs\": 10, \"ioWaitMs\": 50 }";
    private const string Policies = "\"policies\": [ { \"name\": \"lambda\", \"concurrency\": \"onePerInstance\" } ]";

    private static string Document(string functions) =>
        $$"""{ "name": "t", "horizonSeconds": 100, {{functions}}, {{Policies}} }""";

    [Test]
    public void Several_functions_load_in_order_with_their_own_settings_and_positional_default_names()
    {
        var scenario = ScenarioFile.Parse(Document($$"""
            "functions": [
              { "name": "api", "memoryMb": 512, "arrivals": { "ratePerSecond": 10 }, {{Work}} },
              { "arrivals": { "ratePerSecond": 2 }, {{Work}}, "keepAliveSeconds": 30 }
            ]
            """));

        scenario.Functions.Select(f => f.Name).Should().Equal("api", "function2");
        scenario.Functions[0].MemoryMb.Should().Be(512);
        scenario.Functions[1].KeepAlive.Seconds.Should().Be(30);
    }

    [Test]
    public void One_function_in_an_array_runs_exactly_as_the_same_function_given_alone()
    {
        var single = ScenarioFile.Parse(Document($$""" "function": { "arrivals": { "ratePerSecond": 10 }, {{Work}} } """));
        var array = ScenarioFile.Parse(Document($$""" "functions": [ { "arrivals": { "ratePerSecond": 10 }, {{Work}} } ] """));

        ResultsDocument(array).Should().Be(ResultsDocument(single));
    }

    [TestCase("\"functions\": [], \"function\": { \"arrivals\": { \"ratePerSecond\": 1 }, " + Work + " }", "functions", "must not be given with \"function\"",
        TestName = "function and functions together")]
    [TestCase("\"functions\": []", "functions", "non-empty array", TestName = "functions empty")]
    [TestCase("\"functions\": { }", "functions", "non-empty array", TestName = "functions an object")]
    [TestCase("\"functions\": [ { \"name\": \"a\", \"arrivals\": { \"ratePerSecond\": 1 }, " + Work + " }, { \"name\": \"a\", \"arrivals\": { \"ratePerSecond\": 1 }, " + Work + " } ]",
        "functions[1].name", "must be unique among the functions (also functions[0].name)", TestName = "functions with a repeated name")]
    [TestCase("\"functions\": [ { \"arrivals\": { \"ratePerSecond\": 1 }, " + Work + " }, { \"memoryMb\": 1, \"arrivals\": { \"ratePerSecond\": 1 }, " + Work + " } ]",
        "functions[1].memoryMb", "64", TestName = "a bad field in the second function")]
    [TestCase("\"functionz\": [ ]", "functionz", "did you mean", TestName = "a misspelt functions")]
    public void Bad_functions_name_the_field_and_the_rule(string functions, string path, string rule)
    {
        var parse = () => ScenarioFile.Parse(Document(functions));

        parse.Should().Throw<ScenarioValidationException>()
            .Which.Errors.Should().Contain(e => e.Path == path && e.Rule.Contains(rule));
    }

    private static string ResultsDocument(Scenario scenario) =>
        ServerlessSim.Reporting.ResultsDocument.ToJson(Comparison.Run(scenario, maxDegreeOfParallelism: 1));
}
