using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Tests.Configuration;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Docs;

/// <summary>The C# example in README.md is this code, and it runs.</summary>
public class ReadmeExampleTests
{
    private const string Start = "// README example start";
    private const string End = "// README example end";

    [Test]
    public void The_README_example_is_this_code()
    {
        var readme = File.ReadAllText(Path.Combine(ExampleFiles.Directory, "..", "..", "README.md"));
        var block = readme[(readme.IndexOf("```csharp", StringComparison.Ordinal) + 9)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];

        var source = File.ReadAllText(Path.Combine(ExampleFiles.Directory, "..", "..", "tests", "ServerlessSim.Tests", "Docs", "ReadmeExampleTests.cs"));
        var section = source[(source.LastIndexOf(Start, StringComparison.Ordinal) + Start.Length)..source.LastIndexOf(End, StringComparison.Ordinal)];

        CodeLines(block).Should().Equal(CodeLines(section), "README.md's example must be the code this test runs");
    }

    [Test]
    public void The_README_example_runs_and_shows_the_trade_off()
    {
        var result = ReadmeExample();

        result.Policies.Should().HaveCount(2);
        result["k80"]["instances.mean"].Should().BeLessThan(result["lambda"]["instances.mean"]);
        result["lambda"].Metric("latencyMs.p99").HalfWidth95.Should().NotBeNull();
    }

    private static IEnumerable<string> CodeLines(string text) => text
        .Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith("using ", StringComparison.Ordinal));

    private static ComparisonResult ReadmeExample()
    {
        // README example start
        var scenario = new Scenario(
            Name: "my-api",
            Function: new FunctionDefinition(
                Name: "api",
                MemoryMb: 1024,
                Arrivals: ArrivalProcess.Poisson(ratePerSecond: 500),
                Work: new WorkProfile(
                    CpuDemand: LogNormalDistribution.FromMedianAndP99(0.010, 0.040), // seconds
                    IoWait: LogNormalDistribution.FromMedianAndP99(0.150, 0.600)),
                ColdStart: LogNormalDistribution.FromMedianAndP99(0.250, 0.900),
                KeepAlive: SimDuration.FromMinutes(10)),
            Policies:
            [
                PolicyOptions.OnePerInstance("lambda"),
                PolicyOptions.ManyPerInstance(80, vCpus: 1, name: "k80"),
            ],
            Horizon: SimDuration.FromMinutes(5),
            WarmUp: SimDuration.FromSeconds(30),
            Replications: 4);

        var result = Comparison.Run(scenario); // replications run in parallel, same traffic for both policies
        foreach (var policy in result.Policies)
        {
            var p99 = policy.Metric("latencyMs.p99");
            Console.WriteLine($"{policy.Options.Name}: p99 {p99.Mean:0} ± {p99.HalfWidth95:0} ms, " +
                              $"{policy["instances.mean"]:0} instances, ${policy["costUsd.perMillionRequests"]:0.00} per 1M requests");
        }

        // README example end
        return result;
    }
}
