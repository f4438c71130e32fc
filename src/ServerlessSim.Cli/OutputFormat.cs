namespace ServerlessSim.Cli;

/// <summary>What <c>compare</c> and <c>run</c> print to standard output (<c>--format</c>).</summary>
internal enum OutputFormat
{
    /// <summary>The side-by-side table, for people.</summary>
    Table,

    /// <summary>The results document (docs/results-format.md) and nothing else.</summary>
    Json,

    /// <summary>summary.csv: one row per policy and metric.</summary>
    Csv,

    /// <summary>report.md without its charts: the scenario, the table as Markdown, the policies' settings.</summary>
    Md,
}
