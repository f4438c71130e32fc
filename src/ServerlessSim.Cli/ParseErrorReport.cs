using System.CommandLine;
using System.Text.RegularExpressions;
using ServerlessSim.Configuration;

namespace ServerlessSim.Cli;

/// <summary>The command line's own problems (unknown commands and options, missing values) as lines naming where, what and the rule.</summary>
/// <remarks>
/// E.g. <c>run: "--replication" is not an option of run; did you mean "--replications"?</c> or
/// <c>--replications: "many" must be an integer from 1 to 10000</c> (from <see cref="OptionParsers"/>).
/// </remarks>
internal static partial class ParseErrorReport
{
    public static IReadOnlyList<string> Lines(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var lines = new List<string>();
        foreach (var error in parsed.Errors)
        {
            var message = error.Message.TrimEnd('.');
            if (message.StartsWith("Unrecognized command or argument", StringComparison.Ordinal) ||
                (message == "Required command was not provided" && parsed.UnmatchedTokens.Count > 0))
            {
                continue; // Said below, once per token, with a suggestion.
            }

            lines.Add(Rewrite(message, command));
        }

        lines.AddRange(parsed.UnmatchedTokens.Select(token => Unrecognized(token, command)));
        return lines;
    }

    private static string Rewrite(string message, Command command)
    {
        if (message == "Required command was not provided")
        {
            return $"serverless-sim: (missing) a command is required: {string.Join(", ", Commands(command))}";
        }

        if (MissingOptionValue().Match(message) is { Success: true } option)
        {
            var name = option.Groups[1].Value;
            var helpName = command.Options.FirstOrDefault(o => o.Name == name)?.HelpName;
            return $"{name}: (missing) needs a value{(helpName is null ? string.Empty : $" ({name} {helpName})")}";
        }

        if (GivenTwice().Match(message) is { Success: true } twice)
        {
            return $"{twice.Groups[1].Value}: given {twice.Groups[2].Value} times; give it once";
        }

        if (MissingArgument().IsMatch(message))
        {
            var required = command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0).Select(a => a.Name.ToUpperInvariant());
            return $"{command.Name}: (missing) {string.Join(" ", required)} is required";
        }

        return message;
    }

    private static string Unrecognized(string token, Command command)
    {
        if (command is RootCommand)
        {
            return $"serverless-sim: \"{token}\" is not a command; {FieldSuggestions.UnknownChoiceRule(token, Commands(command))}";
        }

        if (token.StartsWith('-'))
        {
            var names = command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).ToArray();
            var closest = FieldSuggestions.Closest(token, names);
            return closest is null
                ? $"{command.Name}: \"{token}\" is not an option of {command.Name}; see serverless-sim {command.Name} --help"
                : $"{command.Name}: \"{token}\" is not an option of {command.Name}; did you mean \"{closest}\"?";
        }

        var arguments = command.Arguments.Select(a => a.Name.ToUpperInvariant()).ToArray();
        return arguments.Length == 0
            ? $"{command.Name}: \"{token}\" is not expected: {command.Name} takes no arguments"
            : $"{command.Name}: \"{token}\" is an extra argument: {command.Name} takes {string.Join(" ", arguments)}";
    }

    private static string[] Commands(Command root) => root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToArray();

    [GeneratedRegex("^Required argument missing for option: '(.+)'$")]
    private static partial Regex MissingOptionValue();

    [GeneratedRegex("^Option '(.+)' expects a single argument but ([0-9]+) were provided$")]
    private static partial Regex GivenTwice();

    [GeneratedRegex("^Required argument missing for command: '(.+)'$")]
    private static partial Regex MissingArgument();
}
