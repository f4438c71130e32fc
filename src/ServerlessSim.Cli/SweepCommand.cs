using System.CommandLine;
using System.Globalization;
using ServerlessSim.Configuration;
using ServerlessSim.Experiments.Sweeps;

namespace ServerlessSim.Cli;

/// <summary><c>serverless-sim sweep SCENARIO.json --set PATH=VALUES ...</c>: a grid (or zip) of parameter values, optionally one shard of it.</summary>
internal static class SweepCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (JSON; its experiment.sweep and experiment.objective are used if present)." };
        var set = new Option<string[]>("--set")
        {
            Description = "A swept parameter, PATH=VALUE[,VALUE...], e.g. policies[1].maxConcurrentPerInstance=1,2,5,10 (repeatable).",
            HelpName = "PATH=VALUES",
        };
        var grid = new Option<bool>("--grid") { Description = "Every combination of the parameters' values (the default)." };
        var zip = new Option<bool>("--zip") { Description = "The i-th values of every parameter together (all parameters need the same number of values)." };
        var shard = new Option<string?>("--shard")
        {
            Description = "Run only shard INDEX/COUNT: the points whose number is INDEX modulo COUNT; with --out, writes sweep-part-INDEX-of-COUNT.json for merge.",
            HelpName = "INDEX/COUNT",
        };
        var common = new CommonOptions("Write sweep.csv and sweep.json (with --shard: sweep-part-INDEX-of-COUNT.json) into this folder.");
        var objective = new ObjectiveOptions();
        var command = new Command(
            "sweep",
            "Run a scenario over a grid of parameter values (each point with its replications and 95% intervals); write one tidy CSV and JSON; " +
            "optionally pick the cheapest point meeting a p99 and a throttle-ratio target.")
        {
            scenario, set, grid, zip, shard,
        };
        common.AddTo(command);
        objective.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(grid) && result.GetValue(zip))
            {
                result.AddError("--zip: given with --grid; choose one of them");
            }
        });
        command.SetAction((parse, cancellationToken) => Task.Run(
            () =>
            {
                // Every problem at once: the shard, each --set, --out, and the points the well-formed --set give.
                var errors = new InputErrors();
                var shardValue = errors.Collect(() => parse.GetValue(shard) is { } text ? SweepShard.Parse(text) : null);
                var parameters = (parse.GetValue(set) ?? []).Select(argument => errors.Collect(() => SweepParameter.Parse(argument))).OfType<SweepParameter>().ToArray();
                var file = errors.Collect(() => InterruptibleRead.Run(() => SweepRequest.FromFile(parse.GetValue(scenario)!), cancellationToken));
                var request = file is null ? null : file with
                {
                    Parameters = parameters,
                    Mode = parse.GetValue(zip) ? SweepMode.Zip : parse.GetValue(grid) ? SweepMode.Grid : null,
                    Objective = objective.From(parse),
                    Seed = parse.GetValue(common.Seed),
                    Replications = parse.GetValue(common.Replications),
                };
                var name = shardValue is { } s ? string.Create(CultureInfo.InvariantCulture, $"sweep-part-{s.Index}-of-{s.Count}.json") : null;
                var outDirectory = parse.GetValue(common.Out);
                errors.Add(OutputDirectory.Check(outDirectory, parse.GetValue(common.Force), name));

                // Without a single well-formed --set, planning would only add "no parameter" to the real problems.
                var plan = request is null || (errors.Any && parameters.Length == 0) ? null : errors.Collect(() => Sweep.Plan(request));
                errors.ThrowIfAny();
                OutputDirectory.Create(outDirectory);
                if (!parse.GetValue(common.Quiet))
                {
                    var points = shardValue is null ? plan!.Points.Count : plan!.Points.Count(p => shardValue.Contains(p.Index));
                    stderr.WriteLine(FormattableString.Invariant($"serverless-sim: running {points} sweep points; Ctrl+C stops them and writes those finished"));
                }

                var result = Sweep.Run(plan!, shardValue, parse.GetValue(common.Threads), progress: null, cancellationToken);
                return SweepOutput.Write(result, outDirectory, parse.GetValue(common.Json), name, stdout, stderr);
            },
            CancellationToken.None));
        return command;
    }
}
