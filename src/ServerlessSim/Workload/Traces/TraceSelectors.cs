using System.Globalization;
using ServerlessSim.Configuration;

namespace ServerlessSim.Workload.Traces;

/// <summary>Function selectors as text (top:N, trigger:a,b, sample:K/M, id:x,y), as the CLI's --functions and a scenario's trace.functions take them.</summary>
public static class TraceSelectors
{
    /// <summary>What a selector may be, for help texts.</summary>
    public const string Help =
        "Which functions to keep (repeatable): top:N (the N busiest), trigger:http,timer (by trigger), sample:K/M " +
        "(a deterministic hash sample of about K in M), id:ID1,ID2 (by function id).";

    /// <summary><paramref name="options"/> with <paramref name="selectors"/> applied (triggers and ids add up; top and sample replace).</summary>
    /// <exception cref="ScenarioValidationException">A selector is malformed; every one is named, as the value of <paramref name="path"/>.</exception>
    public static TraceReplayOptions Apply(TraceReplayOptions options, IReadOnlyList<string> selectors, string path = "--functions")
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(selectors);
        var errors = new List<ValidationError>();
        options = Apply(options, selectors, path, errors);
        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        return options;
    }

    internal static TraceReplayOptions Apply(TraceReplayOptions options, IReadOnlyList<string> selectors, string path, List<ValidationError> errors)
    {
        foreach (var selector in selectors)
        {
            var colon = selector.IndexOf(':', StringComparison.Ordinal);
            var (kind, value) = colon < 0 ? (selector, string.Empty) : (selector[..colon], selector[(colon + 1)..]);
            var list = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            switch (kind)
            {
                case "top" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var top) && top >= 1:
                    options = options with { TopFunctions = top };
                    break;
                case "trigger" when list.Length > 0:
                    options = options with { Triggers = [.. options.Triggers ?? [], .. list] };
                    break;
                case "id" when list.Length > 0:
                    options = options with { FunctionIds = [.. options.FunctionIds ?? [], .. list] };
                    break;
                case "sample" when ParseSample(value) is { } sample:
                    options = options with { Sample = sample };
                    break;
                default:
                    errors.Add(new ValidationError(path, $"\"{selector}\"", "must be top:N (N >= 1), trigger:NAME[,NAME...], sample:K/M (1 <= K <= M) or id:ID[,ID...]"));
                    break;
            }
        }

        return options;
    }

    private static HashSample? ParseSample(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 &&
               int.TryParse(value[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var keep) &&
               int.TryParse(value[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var modulus) &&
               keep >= 1 && keep <= modulus
            ? new HashSample(keep, modulus)
            : null;
    }
}
