using System.Text.RegularExpressions;
using ServerlessSim.Experiments;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Reporting;
using ServerlessSim.Tests.Configuration;
using ServerlessSim.Tests.TestSupport;

namespace ServerlessSim.Tests.Docs;

// docs/extending.md example 1 start
/// <summary>Keeps instances at or under a target number of requests: starts a new instance rather than go past it.</summary>
/// <remarks>Knative's autoscaler aims at 70% of an instance's capacity in the same spirit.</remarks>
public sealed class TargetConcurrencyDispatch(int target) : IDispatchPolicy
{
    public int ChooseLoad(in DispatchContext context)
    {
        // LowestAvailableLoad is -1 when no ready instance has a free slot.
        var lowest = context.LowestAvailableLoad;
        return lowest >= 0 && lowest < target ? lowest : -1; // -1: join a starting instance or start one
    }
}
// docs/extending.md example 1 end

/// <summary>The C# examples in docs/extending.md are this code, and they run.</summary>
public partial class ExtendingExampleTests
{
    [Test]
    public void The_examples_in_the_page_are_this_code()
    {
        var page = File.ReadAllText(Path.Combine(ExampleFiles.Directory, "..", "extending.md"));
        var blocks = CodeBlock().Matches(page).Select(m => m.Groups[1].Value).ToArray();
        var source = File.ReadAllText(Path.Combine(ExampleFiles.Directory, "..", "..", "tests", "ServerlessSim.Tests", "Docs", "ExtendingExampleTests.cs"));

        blocks.Should().HaveCount(2);
        for (var i = 0; i < blocks.Length; i++)
        {
            var start = $"// docs/extending.md example {i + 1} start";
            var end = $"// docs/extending.md example {i + 1} end";
            var section = source[(source.IndexOf(start, StringComparison.Ordinal) + start.Length)..source.IndexOf(end, StringComparison.Ordinal)];
            CodeLines(blocks[i]).Should().Equal(CodeLines(section), $"example {i + 1} of docs/extending.md must be the code this test runs");
        }
    }

    [Test]
    public void A_target_below_K_starts_more_instances_and_shortens_the_latency_tail()
    {
        var result = Example();

        result["k80-target20"]["instances.mean"].Should().BeGreaterThan(result["k80"]["instances.mean"]);
        result["k80-target20"]["latencyMs.p99"].Should().BeLessThan(result["k80"]["latencyMs.p99"]);
        ResultsDocument.ToJson(result).Should().Contain("\"dispatch\": \"custom\"");
    }

    [Test]
    public void A_target_of_K_is_least_loaded_dispatch_exactly()
    {
        var scenario = SmallComparison.Scenario(seed: 5, replications: 1);
        var builtIn = PolicyOptions.ManyPerInstance(80, vCpus: 1, name: "k80");
        var custom = builtIn with { Dispatch = DispatchOptions.Custom(new TargetConcurrencyDispatch(80)) };

        var a = Comparison.Run(scenario with { Policies = [builtIn] }).Policies[0];
        var b = Comparison.Run(scenario with { Policies = [custom] }).Policies[0];

        b.Metrics.Should().BeEquivalentTo(a.Metrics, "every ready instance with a free slot has fewer than K requests");
    }

    private static ComparisonResult Example()
    {
        var scenario = SmallComparison.Scenario(seed: 3, replications: 2);
        // docs/extending.md example 2 start
        var k80 = PolicyOptions.ManyPerInstance(80, vCpus: 1, name: "k80");
        scenario = scenario with
        {
            Policies =
            [
                k80,
                k80 with { Name = "k80-target20", Dispatch = DispatchOptions.Custom(new TargetConcurrencyDispatch(20)) },
            ],
        };
        var result = Comparison.Run(scenario);
        // docs/extending.md example 2 end
        return result;
    }

    private static IEnumerable<string> CodeLines(string text) => text
        .Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith("using ", StringComparison.Ordinal));

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
