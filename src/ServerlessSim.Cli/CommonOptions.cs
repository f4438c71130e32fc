using System.CommandLine;
using ServerlessSim.Configuration;

namespace ServerlessSim.Cli;

/// <summary>Options shared by the commands that run a scenario, with their checks.</summary>
internal sealed class CommonOptions
{
    /// <summary>The most threads --threads accepts.</summary>
    public const int MaxThreads = 1024;

    private static readonly string[] FormatNames = ["table", "json", "csv", "md"];

    public Option<string?> Out { get; }

    public Option<bool> Force { get; } = new("--force")
    {
        Description = OutputDirectory.ForceDescription,
    };

    public Option<string?> Format { get; } = new("--format")
    {
        Description = "What to print: table (default), json (the results document only), csv (summary.csv), md (report.md without charts).",
        HelpName = "table|json|csv|md",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "The same as --format json.",
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "No progress bar and no status lines (run time, files written); the results are still printed.",
    };

    public Option<int?> Replications { get; } = new("--replications")
    {
        Description = "Override the scenario's number of replications (1..10000).",
        HelpName = "N",
    };

    public Option<long?> Seed { get; } = new("--seed")
    {
        Description = "Override the scenario's seed.",
        HelpName = "N",
    };

    public Option<string?> Prices { get; } = new("--prices")
    {
        Description = "Override price rows with those of this price table file (format: docs/cost.md).",
        HelpName = "FILE",
    };

    public Option<int?> Threads { get; } = new("--threads")
    {
        Description = "Threads for replications (default: all cores); results do not depend on it.",
        HelpName = "N",
    };

    public CommonOptions(string outDescription =
        "Also write results.json, summary.csv, cost.csv, differences.csv, latency-percentiles.csv, timeseries-<policy>.csv, the charts (PNG and SVG) and report.md into this folder.")
    {
        Out = new Option<string?>("--out") { Description = outDescription, HelpName = "DIR" };
        Replications.Integer(1, 10_000);
        Threads.Integer(1, MaxThreads);
        Seed.Integer();
        Format.Validators.Add(result =>
        {
            var value = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
            if (value is not null && !FormatNames.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"--format: \"{value}\" {FieldSuggestions.UnknownChoiceRule(value, FormatNames)}");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Out);
        command.Options.Add(Force);
        command.Options.Add(Format);
        command.Options.Add(Json);
        command.Options.Add(Quiet);
        command.Options.Add(Replications);
        command.Options.Add(Seed);
        command.Options.Add(Prices);
        command.Options.Add(Threads);
        command.Validators.Add(result =>
        {
            var format = result.GetValue(Format);
            if (result.GetValue(Json) && format is not null && !format.Equals("json", StringComparison.OrdinalIgnoreCase))
            {
                result.AddError($"--json: it means --format json, which conflicts with --format {format}; give one of them.");
            }
        });
    }

    /// <summary>The output format asked for (--json is --format json); the parser has already rejected anything else.</summary>
    public OutputFormat FormatOf(ParseResult parse) =>
        parse.GetValue(Json) ? OutputFormat.Json : (parse.GetValue(Format)?.ToLowerInvariant()) switch
        {
            null or "table" => OutputFormat.Table,
            "json" => OutputFormat.Json,
            "csv" => OutputFormat.Csv,
            _ => OutputFormat.Md,
        };
}