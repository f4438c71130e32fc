using System.Text.Json.Nodes;
using ServerlessSim.Configuration;

namespace ServerlessSim.Tests.Experiments.Sweeps;

public class JsonDocumentPathTests
{
    private static JsonNode Document() => JsonNode.Parse("""{ "seed": 1, "policies": [ { "name": "a" }, { "name": "b" } ], "function": { "work": { "cpuMs": 10 } } }""")!;

    private static string? Set(JsonNode document, string path, string value) =>
        JsonDocumentPath.Set(document, JsonDocumentPath.Parse(path, out _)!, JsonNode.Parse(value));

    [Test]
    public void Sets_replace_values_add_fields_and_create_missing_objects()
    {
        var document = Document();

        Set(document, "policies[1].maxConcurrentPerInstance", "20").Should().BeNull();
        Set(document, "function.work.cpuMs", "{\"type\":\"exponential\",\"meanMs\":5}").Should().BeNull();
        Set(document, "account.concurrencyLimit", "50").Should().BeNull();
        Set(document, "function.work.cpuMs.percentilesMs[\"99.9\"]", "40").Should().BeNull();

        document.ToJsonString().Should().Be(
            """{"seed":1,"policies":[{"name":"a"},{"name":"b","maxConcurrentPerInstance":20}],"function":{"work":{"cpuMs":{"type":"exponential","meanMs":5,"percentilesMs":{"99.9":40}}}},"account":{"concurrencyLimit":50}}""");
    }

    [TestCase("policies[2].name", "policies[2] does not exist: policies has 2 item(s), indices 0 to 1")]
    [TestCase("seed.value", "seed is a number, not an object, so it has no field \"value\"")]
    [TestCase("function[0]", "function is an object, not an array, so it has no index [0]")]
    [TestCase("missing[0].x", "missing does not exist, so it has no index [0]")]
    public void A_path_that_cannot_be_set_says_why(string path, string problem)
    {
        Set(Document(), path, "1").Should().Be(problem);
    }

    [TestCase("policies[1].name", "policies[1].name", true)]
    [TestCase("policies[1].name", "policies[1]", true)]
    [TestCase("policies[10].name", "policies[1]", false)]
    [TestCase("policies[1].nameX", "policies[1].name", false)]
    public void An_error_path_belongs_to_a_parameter_at_or_above_it(string errorPath, string parameterPath, bool expected)
    {
        JsonDocumentPath.IsAtOrUnder(errorPath, parameterPath).Should().Be(expected);
    }
}
