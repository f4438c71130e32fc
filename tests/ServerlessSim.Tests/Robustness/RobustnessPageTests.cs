using ServerlessSim.Configuration;
using ServerlessSim.Tests.Configuration;

namespace ServerlessSim.Tests.Robustness;

/// <summary>docs/robustness.md holds the catalogue and the time-resolution table as the code generates them.</summary>
public class RobustnessPageTests
{
    private static string PagePath => Path.GetFullPath(Path.Combine(ExampleFiles.Directory, "..", "robustness.md"));

    [Test]
    public async Task Docs_robustness_md_shows_the_catalogue_and_the_time_resolution_as_generated()
    {
        var page = await File.ReadAllTextAsync(PagePath);
        var generated = await RobustnessPage.Fill(page);

        // eng/update-robustness-doc.sh sets this to rewrite the page instead of checking it.
        if (Environment.GetEnvironmentVariable("SERVERLESS_SIM_UPDATE_DOCS") == "1")
        {
            await File.WriteAllTextAsync(PagePath, generated);
            return;
        }

        page.Should().Be(generated, "docs/robustness.md is generated in part: regenerate it with eng/update-robustness-doc.sh");
    }

    [Test]
    public void At_the_longest_horizon_and_the_longest_request_simulated_time_still_resolves_a_microsecond()
    {
        var latest = ScenarioValidator.MaxHorizonSeconds + ScenarioValidator.MaxMeanDurationSeconds;

        (Math.BitIncrement(latest) - latest).Should().BeLessThan(1e-6, "the latency histogram records microseconds");
        (Math.BitIncrement(Math.Pow(2, 33)) - Math.Pow(2, 33)).Should().BeGreaterThanOrEqualTo(1e-6, "2^33 s is where it stops");
    }
}
