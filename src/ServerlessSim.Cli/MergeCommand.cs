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
        var force = new Option<bool>("--force") { Description = OutputDirectory.ForceDescription };
        var command = new Command(
            "merge",
            "Join the parts of a sharded sweep; the output is byte-identical to the single-process sweep's. " +
            "Rejects parts that overlap, miss a shard or come from different sweeps.")
        {
            parts, outDirectory, json, force,
        };
        command.SetAction((parse, _) => Task.Run(
            () =>
            {
                var errors = new InputErrors();
                var loaded = parse.GetValue(parts)!.Select(path => (Source: path, Part: errors.Collect(() => SweepDocumentReader.Load(path)))).ToArray();
                var merged = errors.Any ? null : errors.Collect(() => SweepMerge.Merge(loaded.Select(p => (p.Source, p.Part!)).ToArray()));
                errors.Add(OutputDirectory.Check(parse.GetValue(outDirectory), parse.GetValue(force)));
                errors.ThrowIfAny();
                OutputDirectory.Create(parse.GetValue(outDirectory));
                return SweepOutput.Write(merged!, parse.GetValue(outDirectory), parse.GetValue(json), partFileName: null, stdout, stderr);
            },
            CancellationToken.None));
        return command;
    }
}
