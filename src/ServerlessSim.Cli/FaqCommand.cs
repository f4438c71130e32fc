using System.CommandLine;
using ServerlessSim.Experiments;
using ServerlessSim.Reporting;

namespace ServerlessSim.Cli;

/// <summary>
/// <c>serverless-sim faq [--out DIR]</c> (hidden, for maintainers): runs the built-in scenario (synchronous, then as
/// asynchronous events three ways) and prints docs/faq.md, or writes it into DIR; CI runs <c>faq --out</c> and diffs
/// the page with the committed one.
/// </summary>
internal static class FaqCommand
{
    public static Command Create(TextWriter stdout)
    {
        var outDirectory = new Option<string?>("--out") { Description = "Write faq.md into this folder (--out docs regenerates docs/faq.md).", HelpName = "DIR" };
        var command = new Command("faq", "Regenerate docs/faq.md from a run of the built-in scenario.") { outDirectory };
        command.Hidden = true;
        command.SetAction((parse, cancellationToken) => Task.Run(
            () =>
            {
                // faq --out regenerates one page in place (docs/), so the directory may hold other files.
                var errors = new InputErrors();
                errors.Add(OutputDirectory.Check(parse.GetValue(outDirectory), force: true));
                errors.ThrowIfAny();
                var result = Comparison.Run(BuiltInScenarios.IoHeavyApi(), maxDegreeOfParallelism: null, progress: null, cancellationToken);
                var asynchronous = result.Partial ? null : Comparison.Run(BuiltInScenarios.IoHeavyApiAsync(), maxDegreeOfParallelism: null, progress: null, cancellationToken);
                if (asynchronous is null || asynchronous.Partial)
                {
                    return ExitCodes.Cancelled;
                }

                var page = FaqPage.Markdown(result, asynchronous);
                if (parse.GetValue(outDirectory) is { } directory)
                {
                    OutputDirectory.Create(directory);
                    var path = Path.Combine(directory, "faq.md");
                    AtomicFile.WriteAllText(path, page);
                    stdout.WriteLine($"wrote {path}");
                }
                else
                {
                    stdout.Write(page);
                }

                return ExitCodes.Success;
            },
            CancellationToken.None));
        return command;
    }
}
