using System.CommandLine;
using System.Globalization;
using ServerlessSim.Reporting;
using ServerlessSim.Validation;

namespace ServerlessSim.Cli;

/// <summary><c>serverless-sim validate</c>: the known-answer suite, theory against simulation.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var quick = new Option<bool>("--quick") { Description = "Run only the quick subset (what CI runs; well under a minute)." };
        var outDirectory = new Option<string?>("--out")
        {
            Description = "Also write validation.md (the docs/validation.md page) and validation.csv into this folder, replacing them (other files stay).",
            HelpName = "DIR",
        };
        var threads = new Option<int?>("--threads") { Description = "Threads for replications (default: all cores); results do not depend on it.", HelpName = "N" }
            .Integer(1, CommonOptions.MaxThreads);
        var command = new Command(
            "validate",
            "Run cases whose answer is known (Erlang-B, M/G/infinity, M/G/1 and M/M/c processor sharing, keep-alive, the Knative and " +
            "Cloud Run autoscalers' steady states, the interference model, Lambda's scaling rate, reserved and provisioned concurrency, " +
            "retries, idle lifetimes and the hybrid histogram policy, hand-computed bills, SQS batching, Little's law) " +
            "and print theory, simulated mean with its 95% interval, relative error and PASS/FAIL; exit code 1 if any case fails.")
        {
            quick, outDirectory, threads,
        };
        command.SetAction((parse, cancellationToken) => Task.Run(() => Run(parse, quick, outDirectory, threads, stdout, stderr, cancellationToken), CancellationToken.None));
        return command;
    }

    private static int Run(
        ParseResult parse, Option<bool> quick, Option<string?> outDirectory, Option<int?> threads, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        // validate --out regenerates its two pages in place (docs/), so the directory may hold other files.
        var directory = parse.GetValue(outDirectory);
        var errors = new InputErrors();
        errors.Add(OutputDirectory.Check(directory, force: true));
        errors.ThrowIfAny();
        var isQuick = parse.GetValue(quick);
        var cases = isQuick ? ValidationSuite.Quick : ValidationSuite.All;
        stdout.WriteLine(FormattableString.Invariant($"Running {cases.Count} validation cases ({ValidationSuite.Replications} replications each; the deterministic bills, 2)..."));
        var results = ValidationRunner.Run(
            cases,
            parse.GetValue(threads),
            r => stdout.WriteLine(FormattableString.Invariant(
                $"  {(r.Passed ? "PASS" : "FAIL")}  {r.Oracle,-13} {r.Name,-48} {r.Metric}: theory {ValidationReport.Number(r.Theory)}, simulated {ValidationReport.Number(r.Mean)} ± {ValidationReport.Number(r.HalfWidth95)} ({ValidationReport.RelativeError(r)}){(r.Passed ? string.Empty : " - " + r.Reason)}")),
            cancellationToken);

        var failed = results.Count(r => !r.Passed);
        if (directory is not null)
        {
            OutputDirectory.Create(directory);
            var commandLine = "serverless-sim validate" + (isQuick ? " --quick" : string.Empty) + " --out docs";
            AtomicFile.WriteAllText(Path.Combine(directory, "validation.md"), ValidationReport.Markdown(results, commandLine));
            AtomicFile.WriteAllText(Path.Combine(directory, "validation.csv"), ValidationReport.Csv(results));
            stdout.WriteLine($"wrote {Path.Combine(directory, "validation.md")} and validation.csv");
        }

        if (results.Count < cases.Count)
        {
            stderr.WriteLine("serverless-sim: cancelled; the cases above are the ones that finished.");
            return ExitCodes.Cancelled;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{results.Count - failed} passed, {failed} failed"));
        return failed == 0 ? ExitCodes.Success : ExitCodes.UnexpectedFailure;
    }
}
