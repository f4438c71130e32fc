using System.CommandLine;

namespace ServerlessSim.Cli;

/// <summary>Options shared by the commands that run a scenario, with their checks.</summary>
internal sealed class CommonOptions
{
    public Option<string?> Out { get; } = new("--out")
    {
        Description = "Also write results.json, summary.csv, timeseries-<policy>.csv and report.md into this folder.",
        HelpName = "DIR",
    };

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

    public Option<int?> Threads { get; } = new("--threads")
    {
        Description = "Threads for replications (default: all cores); results do not depend on it.",
        HelpName = "N",
    };

    public CommonOptions()
    {
        Replications.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } n && n is < 1 or > 10_000)
            {
                r.AddError($"--replications: {n} must be an integer from 1 to 10000.");
            }
        });
        Threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } n && n is < 1 or > 1024)
            {
                r.AddError($"--threads: {n} must be an integer from 1 to 1024.");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Out);
        command.Options.Add(Json);
        command.Options.Add(Replications);
        command.Options.Add(Seed);
        command.Options.Add(Threads);
    }
}
