using System.Text.RegularExpressions;
using ServerlessSim.Configuration;
using ServerlessSim.Tests.Configuration;

namespace ServerlessSim.Tests.Docs;

/// <summary>The JSON examples of docs/workloads.md are valid <c>function.arrivals</c> objects.</summary>
public class WorkloadsDocTests
{
    [Test]
    public void Every_json_example_in_the_workloads_page_is_a_valid_arrivals_object()
    {
        var markdown = File.ReadAllText(Path.Combine(ExampleFiles.Directory, "..", "workloads.md"));
        var examples = Regex.Matches(markdown, "```json\\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToArray();

        foreach (var process in new[] { "poisson", "sinusoidal", "hourlyProfile", "onOff", "markovModulated", "superposition", "trace", "binnedCounts" })
        {
            examples.Should().Contain(e => e.Contains($"\"process\": \"{process}\"", StringComparison.Ordinal), "the page shows {0}", process);
        }

        foreach (var arrivals in examples)
        {
            var json = BadScenarioCases.Edit(BadScenarioCases.Valid, "\"arrivals\": { \"ratePerSecond\": 100 }", $"\"arrivals\": {arrivals}");
            FluentActions.Invoking(() => ScenarioFile.Parse(json, "workloads.md")).Should().NotThrow("this example must load: {0}", arrivals);
        }
    }
}
