using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessSim.Configuration;

namespace ServerlessSim.Experiments.Sweeps;

/// <summary>One swept setting: a dot-path into the scenario document and the values it takes.</summary>
/// <param name="Path">Where, as in error messages: <c>policies[1].maxConcurrentPerInstance</c>, <c>function.keepAliveSeconds</c>, <c>experiment.warmUp</c>.</param>
/// <param name="Values">The values as JSON text (<c>80</c>, <c>"infinite"</c>), in order; at least one.</param>
/// <param name="Source">Where the parameter was given, for errors: <c>--set PATH=VALUES</c> or <c>experiment.sweep.set[0]</c>.</param>
public sealed record SweepParameter(string Path, IReadOnlyList<string> Values, string Source)
{
    /// <summary>Parses <c>PATH=VALUE[,VALUE...]</c>, as given to <c>--set</c>.</summary>
    /// <remarks>
    /// Values are split at commas outside quotes and brackets; each is read as JSON if it is JSON (<c>80</c>,
    /// <c>true</c>, <c>"x"</c>, <c>[1,2]</c>) and as a string otherwise (<c>infinite</c>, <c>mser5</c>), so
    /// <c>function.keepAliveSeconds=60,600,infinite</c> gives 60, 600 and "infinite".
    /// </remarks>
    /// <param name="argument">The text, e.g. <c>policies[1].maxConcurrentPerInstance=1,2,5</c>.</param>
    /// <param name="source">What to call the argument in errors; null for <c>--set ARGUMENT</c>.</param>
    /// <exception cref="ScenarioValidationException">The text is not PATH=VALUES, the path is malformed or a value is empty.</exception>
    public static SweepParameter Parse(string argument, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(argument);
        source ??= "--set " + argument;
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        var errors = new List<ValidationError>();
        if (equals <= 0)
        {
            errors.Add(new ValidationError(source, ValidationErrors.Show(argument),
                "must be PATH=VALUE[,VALUE...], e.g. policies[1].maxConcurrentPerInstance=1,2,5"));
            throw new ScenarioValidationException(errors);
        }

        var path = argument[..equals].Trim();
        if (JsonDocumentPath.Parse(path, out var problem) is null)
        {
            errors.Add(new ValidationError(source, ValidationErrors.Show(path), problem!));
        }

        var values = new List<string>();
        foreach (var text in SplitValues(argument[(equals + 1)..]))
        {
            var trimmed = text.Trim();
            if (trimmed.Length == 0)
            {
                errors.Add(new ValidationError(source, ValidationErrors.Show(argument[(equals + 1)..]),
                    "has an empty value; give values separated by commas, e.g. 1,2,5"));
                break;
            }

            values.Add(Canonical(trimmed));
        }

        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        return new SweepParameter(path, values, source);
    }

    /// <summary>A value as shown in a table or CSV cell: a string's text without quotes, anything else as its JSON.</summary>
    public static string Display(string jsonValue)
    {
        ArgumentNullException.ThrowIfNull(jsonValue);
        var node = JsonNode.Parse(jsonValue);
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : jsonValue;
    }

    // JSON as written, minified (so " 80 " and "80" are the same value); anything that is not JSON is a string.
    private static string Canonical(string text)
    {
        try
        {
            return JsonNode.Parse(text)?.ToJsonString(JsonDocumentPath.Minified) ?? "null";
        }
        catch (JsonException)
        {
            return JsonValue.Create(text).ToJsonString(JsonDocumentPath.Minified);
        }
    }

    private static IEnumerable<string> SplitValues(string text)
    {
        var depth = 0;
        var inString = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '[' or '{')
            {
                depth++;
            }
            else if (c is ']' or '}')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }
}
