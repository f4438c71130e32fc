using System.CommandLine;
using System.Globalization;

namespace ServerlessSim.Cli;

/// <summary>Options shared by the commands that run a scenario, with their checks.</summary>
internal sealed class CommonOptions
{
    public Option<string?> Out { get; }

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print only the results document (JSON) to standard output.",
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

    public CommonOptions(string outDescription = "Also write results.json, summary.csv, differences.csv, timeseries-<policy>.csv and report.md into this folder.")
    {
        Out = new Option<string?>("--out") { Description = outDescription, HelpName = "DIR" };
        RequireRange(Replications, 1, 10_000);
        RequireRange(Threads, 1, 1024);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Out);
        command.Options.Add(Json);
        command.Options.Add(Replications);
        command.Options.Add(Seed);
        command.Options.Add(Prices);
        command.Options.Add(Threads);
    }

    // A value that is not an integer at all is reported by the parser itself ("Cannot parse argument 'x' ...").
    private static void RequireRange(Option<int?> option, int min, int max) =>
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 &&
                int.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) &&
                (value < min || value > max))
            {
                result.AddError($"{option.Name}: {value} must be an integer from {min} to {max}.");
            }
        });
}
