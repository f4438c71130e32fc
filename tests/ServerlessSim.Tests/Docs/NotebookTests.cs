using System.Text.Json;
using System.Text.RegularExpressions;
using ServerlessSim.Tests.Configuration;

namespace ServerlessSim.Tests.Docs;

/// <summary>The notebooks in docs/notebooks are Polyglot C# notebooks on this version's packages; CI executes them (eng/run-notebooks.sh).</summary>
public partial class NotebookTests
{
    private static string Root => Path.GetFullPath(Path.Combine(ExampleFiles.Directory, "..", ".."));

    private static IEnumerable<string> Notebooks() =>
        Directory.GetFiles(Path.Combine(ExampleFiles.Directory, "..", "notebooks"), "*.ipynb").Select(Path.GetFileName).Order()!;

    [Test]
    public void There_are_the_quickstart_migration_trace_replay_and_sweep_notebooks()
    {
        Notebooks().Should().Equal(
            "01-quickstart.ipynb", "02-io-heavy-api-to-lambda.ipynb", "03-azure-trace-replay.ipynb", "04-sweep-over-k.ipynb");
    }

    [TestCaseSource(nameof(Notebooks))]
    public void A_notebook_uses_the_csharp_kernel_references_this_versions_packages_and_is_committed_without_outputs(string name)
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "docs", "notebooks", name)));
        var root = notebook.RootElement;
        var version = VersionOf().Match(File.ReadAllText(Path.Combine(Root, "Directory.Build.props"))).Groups[1].Value;

        root.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString().Should().Be(".net-csharp");
        root.GetProperty("metadata").GetProperty("polyglot_notebook").GetProperty("kernelInfo").GetProperty("defaultKernelName").GetString().Should().Be("csharp");
        var code = root.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code").ToArray();
        var source = string.Concat(code.SelectMany(c => c.GetProperty("source").EnumerateArray().Select(l => l.GetString())));
        source.Should().Contain($"#r \"nuget: ServerlessSim, {version}\"").And.Contain($"#r \"nuget: ServerlessSim.Plotting, {version}\"");
        source.Should().Contain("\"..\", \"..\", \"artifacts\"", "the packages come from the folder dotnet pack fills");
        code.Should().OnlyContain(c => c.GetProperty("outputs").GetArrayLength() == 0, "outputs are made by running the notebook, not committed");
    }

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex VersionOf();
}
