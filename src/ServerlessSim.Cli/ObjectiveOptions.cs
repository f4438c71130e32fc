using System.CommandLine;
using ServerlessSim.Experiments.Sweeps;

namespace ServerlessSim.Cli;

/// <summary>The sweep objective's options: the cheapest point meeting a p99 and a throttle-ratio target.</summary>
internal sealed class ObjectiveOptions
{
    public Option<double?> MaxP99Ms { get; } = new("--max-p99-ms")
    {
        Description = "Objective: the mean p99 latency must be at most this (ms). With --max-throttle-ratio, replaces the file's experiment.objective.",
        HelpName = "MS",
    };

    public Option<double?> MaxThrottleRatio { get; } = new("--max-throttle-ratio")
    {
        Description = "Objective: the mean throttle ratio must be at most this (a fraction: 0.001 is 0.1%).",
        HelpName = "FRACTION",
    };

    public Option<string?> Policy { get; } = new("--objective-policy")
    {
        Description = "Objective: only this policy's results are candidates (default: every policy).",
        HelpName = "NAME",
    };

    public ObjectiveOptions()
    {
        MaxP99Ms.Number(0, double.PositiveInfinity, minExclusive: true, unit: "ms");
        MaxThrottleRatio.Number(0, 1, minExclusive: false, unit: "a fraction of requests");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(MaxP99Ms);
        command.Options.Add(MaxThrottleRatio);
        command.Options.Add(Policy);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Policy) is not null && result.GetValue(MaxP99Ms) is null && result.GetValue(MaxThrottleRatio) is null)
            {
                result.AddError($"--objective-policy: \"{result.GetValue(Policy)}\" needs a target: --max-p99-ms, --max-throttle-ratio or both");
            }
        });
    }

    /// <summary>The objective the options give; null when neither target is given (the file's objective, if any, then applies).</summary>
    public SweepObjective? From(ParseResult parse)
    {
        var p99 = parse.GetValue(MaxP99Ms);
        var throttle = parse.GetValue(MaxThrottleRatio);
        return p99 is null && throttle is null ? null : new SweepObjective(p99, throttle, parse.GetValue(Policy));
    }
}
