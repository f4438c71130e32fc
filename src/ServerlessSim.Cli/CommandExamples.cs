namespace ServerlessSim.Cli;

/// <summary>The examples <c>--help</c> shows for each command: a command line and what it does.</summary>
internal static class CommandExamples
{
    public static IReadOnlyList<(string CommandLine, string What)> Root { get; } =
    [
        ("serverless-sim compare", "the built-in scenario: Lambda against 80 requests per instance"),
        ("serverless-sim compare --out report", "also write report.md with charts, results.json and CSVs"),
        ("serverless-sim init my-api.json", "write a commented scenario to edit..."),
        ("serverless-sim run my-api.json", "...and run it"),
        ("serverless-sim validate --quick", "check the simulator against queueing theory"),
        ("serverless-sim run --help", "the options of one command"),
    ];

    public static IReadOnlyList<(string CommandLine, string What)> Compare { get; } =
    [
        ("serverless-sim compare", "print the side-by-side table"),
        ("serverless-sim compare --out report", "also write charts (PNG, SVG), report.md, results.json and CSVs into report/"),
        ("serverless-sim compare --format json > results.json", "only the results document"),
        ("serverless-sim compare --format md > report.md", "the table as Markdown"),
        ("serverless-sim compare --replications 10 --seed 7", "more replications, another seed"),
    ];

    public static IReadOnlyList<(string CommandLine, string What)> Run { get; } =
    [
        ("serverless-sim run docs/examples/io-heavy-api.json", "print the side-by-side table"),
        ("serverless-sim run scenario.json --out report", "also write charts, report.md, results.json and CSVs"),
        ("serverless-sim run scenario.json --format csv > summary.csv", "one row per policy and metric"),
        ("serverless-sim run scenario.json --quiet --threads 2", "no progress or status lines, two threads"),
    ];

    public static IReadOnlyList<(string CommandLine, string What)> Validate { get; } =
    [
        ("serverless-sim validate --quick", "the quick subset CI runs"),
        ("serverless-sim validate", "every known-answer case (a few minutes)"),
        ("serverless-sim validate --out docs", "also regenerate docs/validation.md and validation.csv"),
    ];

    public static IReadOnlyList<(string CommandLine, string What)> Init { get; } =
    [
        ("serverless-sim init", $"write {InitCommand.DefaultPath} in the current folder"),
        ("serverless-sim init scenarios/my-api.json", "write it elsewhere (folders are created)"),
        ("serverless-sim init my-api.json --force", "overwrite an existing file"),
    ];
}
