using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ServerlessSim.Cli;

/// <summary>The standard help, followed by an "Examples:" section for the command asked about.</summary>
internal sealed class HelpWithExamples(HelpAction standard, IReadOnlyDictionary<Command, IReadOnlyList<(string CommandLine, string What)>> examples)
    : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    /// <summary>Replaces the help action of <paramref name="root"/> (which serves every subcommand too).</summary>
    public static void Install(RootCommand root, IReadOnlyDictionary<Command, IReadOnlyList<(string CommandLine, string What)>> examples)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamples((HelpAction)help.Action!, examples);
    }

    public override int Invoke(ParseResult parseResult)
    {
        var exit = standard.Invoke(parseResult);
        if (examples.TryGetValue(parseResult.CommandResult.Command, out var lines))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            var width = lines.Max(l => l.CommandLine.Length);
            foreach (var (commandLine, what) in lines)
            {
                output.WriteLine($"  {commandLine.PadRight(width)}  {what}");
            }

            output.WriteLine();
        }

        return exit;
    }
}
