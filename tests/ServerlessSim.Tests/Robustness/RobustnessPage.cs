using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ServerlessSim.Configuration;

namespace ServerlessSim.Tests.Robustness;

/// <summary>The generated sections of docs/robustness.md: the bad-input catalogue as the command reports it, and the time resolution at the horizons allowed.</summary>
/// <remarks>
/// Each section sits between <c>&lt;!-- generated: NAME --&gt;</c> and <c>&lt;!-- end generated: NAME --&gt;</c>; the rest of the
/// page is written by hand. <see cref="RobustnessPageTests"/> fails when the committed page differs, and
/// eng/update-robustness-doc.sh rewrites it.
/// </remarks>
internal static partial class RobustnessPage
{
    /// <summary><paramref name="page"/> with every generated section replaced by what the code gives now.</summary>
    public static async Task<string> Fill(string page)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["catalogue"] = await Catalogue(),
            ["time-resolution"] = TimeResolution(),
        };
        foreach (var (name, content) in sections)
        {
            var section = Section(name);
            if (!section.IsMatch(page))
            {
                throw new InvalidOperationException($"docs/robustness.md has no section <!-- generated: {name} --> ... <!-- end generated: {name} -->.");
            }

            page = section.Replace(page, m => $"{m.Groups["start"].Value}\n{content}{m.Groups["end"].Value}", 1);
        }

        return page;
    }

    private static async Task<string> Catalogue()
    {
        var md = new StringBuilder();
        var byKind = BadInputCatalogue.All.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.ToArray());
        md.Append(Invariant($"{BadInputCatalogue.All.Count} cases, each run by `BadInputCatalogueTests` through the command (exit code 2 every time):\n\n"));
        md.Append("| Input | Cases |\n|---|---:|\n");
        foreach (var kind in BadInputCatalogue.Kinds)
        {
            md.Append(Invariant($"| {kind} | {byKind[kind].Length} |\n"));
        }

        foreach (var kind in BadInputCatalogue.Kinds)
        {
            md.Append(Invariant($"\n### {char.ToUpperInvariant(kind[0])}{kind[1..]}\n\n"));
            md.Append("| Input | Command | What it prints (one line per problem) |\n|---|---|---|\n");
            foreach (var input in byKind[kind])
            {
                var run = await BadInputRun.Of(input);
                md.Append("| ").Append(Cell(input.Name)).Append(" | ").Append(Code(input.CommandLine)).Append(" | ");
                md.Append(string.Join("<br>", run.ProblemLines.Select(Code))).Append(" |\n");
            }
        }

        return md.ToString();
    }

    private static string TimeResolution()
    {
        var md = new StringBuilder("| Horizon (s) | About | Spacing of doubles there (s) |\n|---:|---|---:|\n");
        foreach (var (horizon, about) in new[]
                 {
                     (1e3, "17 minutes"), (86_400d, "a day"), (1e6, "11.6 days"), (3e7, "a year"), (1e8, "3.2 years"),
                     (ScenarioValidator.MaxHorizonSeconds, "31.7 years: the longest horizon"),
                     (ScenarioValidator.MaxHorizonSeconds + ScenarioValidator.MaxMeanDurationSeconds, "the longest horizon and the longest mean duration"),
                     (Math.Pow(2, 33), "2^33: where the spacing reaches 1 µs (not allowed)"),
                 })
        {
            md.Append(Invariant($"| {horizon:0.###e+0} | {about} | {Math.BitIncrement(horizon) - horizon:0.##e+0} |\n"));
        }

        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    // A code span that a table cell can hold: pipes escaped, and a longer fence when the text has backticks.
    private static string Code(string text)
    {
        var fence = text.Contains('`', StringComparison.Ordinal) ? "``" : "`";
        return $"{fence}{(fence.Length > 1 ? " " : string.Empty)}{Cell(text)}{(fence.Length > 1 ? " " : string.Empty)}{fence}";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static Regex Section(string name) => new(
        $@"(?<start><!-- generated: {Regex.Escape(name)} -->)\n.*?(?<end><!-- end generated: {Regex.Escape(name)} -->)", RegexOptions.Singleline);
}
