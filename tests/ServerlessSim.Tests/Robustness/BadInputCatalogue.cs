namespace ServerlessSim.Tests.Robustness;

/// <summary>
/// The catalogue of bad inputs (docs/robustness.md): every case from every source, each run through the command.
/// </summary>
/// <remarks>
/// Sources: <see cref="ScenarioFileCases"/> (which includes Configuration/BadScenarioCases), <see cref="TraceFileCases"/>,
/// <see cref="PriceTableCases"/> and <see cref="CommandLineCases"/>. Add a case to one of them; the catalogue test
/// runs it and the page lists it (regenerate it with eng/update-robustness-doc.sh).
/// </remarks>
internal static class BadInputCatalogue
{
    /// <summary>The kinds of input, in the page's order.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        [ScenarioFileCases.Kind, TraceFileCases.Azure2019, TraceFileCases.Azure2021, TraceFileCases.Csv, PriceTableCases.Kind, CommandLineCases.Kind];

    public static IReadOnlyList<BadInput> All { get; } =
        [.. ScenarioFileCases.All(), .. TraceFileCases.All(), .. PriceTableCases.All(), .. CommandLineCases.All()];

    public static IEnumerable<TestCaseData> TestCases() =>
        All.Select(input => new TestCaseData(input).SetName($"Bad input is refused with exit code 2 and its problems named: {input}"));
}
