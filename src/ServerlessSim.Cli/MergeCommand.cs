using System.CommandLine;
using ServerlessSim.Configuration;
using ServerlessSim.Experiments.Sweeps;
using ServerlessSim.Reporting;

namespace ServerlessSim.Cli;

/// <summary><c>serverless-sim merge PARTS... --out DIR</c>: the parts of a sharded sweep joined into what one process would have written.</summary>
internal static class MergeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var parts = new Argument<string[]>("parts") { Description = "The part files written by sweep --shard i/n --out DIR, in any order.", Arity = ArgumentArity.OneOrMore };
        var outDirectory = new Option<string?>("--out") { Description = "Write sweep.csv and sweep.json into this folder.", HelpName = "DIR" };
        var json = new Option<bool>("--json") { Description = "Print only the merged sweep document (JSON) to standard output." };
        var command = new Command(
            "merge",
            "Join the parts of a sharded sweep; the output is byte-identical to the single-process sweep's. " +
            "Rejects parts that overlap, miss a shard or come from different sweeps.")
        {
            parts, outDirectory, json,
        };
        command.SetAction((parse, _) => Task.Run(
            () =>
            {
                var loaded = new List<(string, SweepResult)>();
                var errors = new List<ValidationError>();
                foreach (var path in parse.GetValue(parts)!)
                {
                    try
                    {
                        loaded.Add((path, SweepDocumentReader.Load(path)));
                    }
                    catch (ScenarioValidationException e)
                    {
                        errors.AddRange(e.Errors);
                    }
                }

                if (errors.Count > 0)
                {
                    throw new ScenarioValidationException(errors);
                }

                return SweepOutput.Write(SweepMerge.Merge(loaded), parse.GetValue(outDirectory), parse.GetValue(json), partFileName: null, stdout, stderr);
            },
            CancellationToken.None));
        return command;
    }
}
