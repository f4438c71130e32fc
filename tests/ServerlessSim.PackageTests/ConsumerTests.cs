using System.Text.Json;
using ServerlessSim.Configuration;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Plotting;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Reporting;
using ServerlessSim.Workload;

namespace ServerlessSim.PackageTests;

/// <summary>What a user does with the packages from the feed: build a scenario, run it, write the results and draw charts.</summary>
public class ConsumerTests
{
    private static Scenario Scenario() => new(
        Name: "consumer",
        Function: new FunctionDefinition(
            Name: "api",
            MemoryMb: 1024,
            Arrivals: ArrivalProcess.Scheduled(ArrivalKind.Poisson, [new(0, 100), new(30, 900), new(40, 100)]),
            Work: new WorkProfile(
                CpuDemand: LogNormalDistribution.FromMedianAndP99(0.010, 0.040),
                IoWait: LogNormalDistribution.FromMedianAndP99(0.150, 0.600)),
            ColdStart: LogNormalDistribution.FromMedianAndP99(0.250, 0.900),
            KeepAlive: SimDuration.FromMinutes(10)),
        Policies: [PolicyOptions.OnePerInstance("lambda"), PolicyOptions.ManyPerInstance(80, vCpus: 1, name: "k80")],
        Horizon: SimDuration.FromSeconds(90),
        WarmUp: SimDuration.FromSeconds(10),
        Replications: 2,
        Account: new AccountOptions(100));

    [Test]
    public void The_packaged_library_runs_a_scenario_and_the_spike_throttles_one_request_per_instance()
    {
        var result = Comparison.Run(Scenario());

        Assert.That(result.Policies, Has.Count.EqualTo(2));
        Assert.That(result["lambda"]["throttleRatio"], Is.GreaterThan(0), "900 req/s x ~0.19 s needs more than 100 environments");
        Assert.That(result["k80"]["throttleRatio"], Is.EqualTo(0));
        Assert.That(ResultsDocument.ToJson(result), Does.Contain($"\"schemaVersion\": {ResultsDocument.SchemaVersion}"));
    }

    [Test]
    public void A_scenario_file_loads_and_an_invalid_one_names_the_field()
    {
        var scenario = ScenarioFile.Parse("""
            { "name": "file", "horizonSeconds": 30,
              "function": { "arrivals": { "ratePerSecond": 20 }, "work": { "cpuMs": 5, "ioWaitMs": 50 } },
              "policies": [ { "name": "lambda", "concurrency": "onePerInstance" } ] }
            """);
        Assert.That(Comparison.Run(scenario)["lambda"]["requests"], Is.GreaterThan(0));

        var invalid = Assert.Throws<ScenarioValidationException>(() => ScenarioFile.Parse("""{ "name": "x", "horizonSeconds": -1 }"""));
        Assert.That(invalid!.Errors.Select(e => e.ToString()), Has.Some.Contains("horizonSeconds: -1"));
    }

    [Test]
    public void The_plotting_package_draws_every_chart_as_png_and_svg_and_the_report_embeds_them()
    {
        var result = Comparison.Run(Scenario());
        var directory = Path.Combine(Path.GetTempPath(), "serverless-sim-package-" + Guid.NewGuid().ToString("N"));
        try
        {
            var figures = Charts.WriteForComparison(result, directory);
            ReportWriter.WriteAll(result, directory, figures);

            Assert.That(figures.Select(f => f.ImageFile), Is.EqualTo(new[] { "latency-cdf.png", "instances-over-time.png", "throttles-cold-starts-over-time.png", "cost.png" }));
            foreach (var figure in figures)
            {
                var png = File.ReadAllBytes(Path.Combine(directory, figure.ImageFile));
                Assert.That(png.Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }), figure.ImageFile);
                Assert.That(png.Length, Is.GreaterThan(10_000), $"{figure.ImageFile} holds a drawn chart");
                Assert.That(File.ReadAllText(Path.Combine(directory, figure.VectorFile!)), Does.StartWith("<?xml").And.Contain("<svg"));
            }

            Assert.That(File.ReadAllText(Path.Combine(directory, "report.md")), Does.Contain("![Latency CDF per policy (log scale)](latency-cdf.png)"));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [TestCase("ServerlessSim")]
    [TestCase("ServerlessSim.Plotting")]
    public void The_library_is_resolved_as_a_package_that_carries_its_xml_documentation(string id)
    {
        // The deps.json the SDK wrote for this test says where each library came from.
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ServerlessSim.PackageTests.deps.json")));
        var library = deps.RootElement.GetProperty("libraries").EnumerateObject().Single(l => l.Name.StartsWith(id + "/", StringComparison.Ordinal));

        Assert.That(library.Value.GetProperty("type").GetString(), Is.EqualTo("package"));
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var folder = Path.Combine(packages, library.Value.GetProperty("path").GetString()!);
        Assert.That(File.Exists(Path.Combine(folder, "lib", "net10.0", id + ".xml")), Is.True, $"{id}.xml (the API documentation) in {folder}");
        Assert.That(File.Exists(Path.Combine(folder, "README.md")), Is.True, $"the package's README in {folder}");
    }
}
