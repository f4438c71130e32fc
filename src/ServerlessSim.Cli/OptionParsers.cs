using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ServerlessSim.Configuration;

namespace ServerlessSim.Cli;

/// <summary>Parsers for option and argument values whose errors name the option, the value and the rule (never a .NET type).</summary>
/// <remarks>E.g. <c>--replications: "many" must be an integer from 1 to 10000</c>, <c>--spread: "even" must be one of: uniform, evenlySpaced, poisson</c>.</remarks>
internal static class OptionParsers
{
    /// <summary>Makes <paramref name="option"/> accept an integer from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int?> Integer(this Option<int?> option, int min, int max)
    {
        option.CustomParser = result => ParseInteger(result, option.Name, min, max) is { } value ? (int)value : null;
        return option;
    }

    /// <summary>Makes <paramref name="option"/> accept any 64-bit integer.</summary>
    public static Option<long?> Integer(this Option<long?> option)
    {
        option.CustomParser = result => ParseInteger(result, option.Name, long.MinValue, long.MaxValue);
        return option;
    }

    /// <summary>Makes <paramref name="option"/> accept a finite number in the range, e.g. "greater than 0 (ms)".</summary>
    public static Option<double?> Number(this Option<double?> option, double min, double max, bool minExclusive, string? unit = null)
    {
        var range = new NumberRange(min, max, minExclusive, unit);
        option.CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && range.Contains(value))
            {
                return value;
            }

            result.AddError($"{option.Name}: \"{text}\" {range.Rule}");
            return null;
        };
        return option;
    }

    /// <summary>Makes <paramref name="option"/> accept the names of <typeparamref name="T"/> (any case), suggesting the nearest.</summary>
    public static Option<T?> Choice<T>(this Option<T?> option)
        where T : struct, Enum
    {
        option.CustomParser = result => ParseChoice<T>(result, option.Name);
        return option;
    }

    /// <summary>Makes <paramref name="argument"/> accept the names of <typeparamref name="T"/> (any case), suggesting the nearest.</summary>
    public static Argument<T> Choice<T>(this Argument<T> argument)
        where T : struct, Enum
    {
        argument.CustomParser = result => ParseChoice<T>(result, argument.Name) ?? default;
        return argument;
    }

    /// <summary>The names of <typeparamref name="T"/> as written on the command line: camelCase.</summary>
    public static string[] NamesOf<T>()
        where T : struct, Enum => Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]).ToArray();

    private static long? ParseInteger(ArgumentResult result, string name, long min, long max)
    {
        var text = result.Tokens[0].Value;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name}: \"{text}\" must be an integer from {min} to {max}"));
        return null;
    }

    private static T? ParseChoice<T>(ArgumentResult result, string name)
        where T : struct, Enum
    {
        var text = result.Tokens[0].Value;
        var names = Enum.GetNames<T>();
        var match = names.FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return Enum.Parse<T>(match);
        }

        result.AddError($"{name}: \"{text}\" {FieldSuggestions.UnknownChoiceRule(text, NamesOf<T>())}");
        return null;
    }
}
