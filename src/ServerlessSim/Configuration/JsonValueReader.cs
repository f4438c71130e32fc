using System.Text;
using System.Text.Json;

namespace ServerlessSim.Configuration;

/// <summary>Reads one JSON value of a scenario file as a number, integer, string, flag or choice, reporting what is wrong.</summary>
/// <remarks>Every method returns null and adds one error naming the path, the value as written and the rule when the value does not fit.</remarks>
internal static class JsonValueReader
{
    /// <summary>The value as written in the file: raw JSON text on one line, cut short past 60 characters.</summary>
    public static string Raw(JsonElement element)
    {
        var raw = element.GetRawText();
        var text = new StringBuilder(Math.Min(raw.Length, ValidationErrors.MaxShownLength + 3));
        var lastWasSpace = false;
        foreach (var c in raw)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace || !lastWasSpace)
            {
                text.Append(isSpace ? ' ' : c);
            }

            lastWasSpace = isSpace;
            if (text.Length > ValidationErrors.MaxShownLength)
            {
                return text.ToString(0, ValidationErrors.MaxShownLength) + "...";
            }
        }

        return text.ToString();
    }

    /// <summary>A finite number inside <paramref name="range"/>.</summary>
    public static double? Number(JsonElement element, string path, NumberRange range, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && range.Contains(value))
        {
            return value;
        }

        errors.AddShown(path, Raw(element), range.Rule);
        return null;
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>]; integral numbers such as <c>80.0</c> or <c>1e3</c> count.</summary>
    public static long? Integer(JsonElement element, string path, long min, long max, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            if (element.TryGetInt64(out var exact) && exact >= min && exact <= max)
            {
                return exact;
            }

            // 2^63 is exactly representable; anything at or beyond it does not fit a long.
            if (element.TryGetDouble(out var d) && double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 9.2233720368547758E18 &&
                (long)d >= min && (long)d <= max)
            {
                return (long)d;
            }
        }

        errors.AddShown(path, Raw(element), NumberRange.IntegerRule(min, max));
        return null;
    }

    /// <summary>A string that is not empty or blank.</summary>
    public static string? Text(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.String && element.GetString() is { } text && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        errors.AddShown(path, Raw(element), "must be a non-empty string");
        return null;
    }

    /// <summary>true or false.</summary>
    public static bool? Flag(JsonElement element, string path, ValidationErrors errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                errors.AddShown(path, Raw(element), "must be true or false");
                return null;
        }
    }

    /// <summary>One of the named <paramref name="choices"/>, matched ignoring case.</summary>
    public static T? Choice<T>(JsonElement element, string path, IReadOnlyList<(string Name, T Value)> choices, ValidationErrors errors)
        where T : struct
    {
        var written = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        foreach (var (name, value) in choices)
        {
            if (string.Equals(name, written, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        errors.AddShown(path, Raw(element), FieldSuggestions.UnknownChoiceRule(written, choices.Select(c => c.Name).ToArray()));
        return null;
    }
}
