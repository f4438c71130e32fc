using System.Text.Json;

namespace ServerlessSim.Configuration;

/// <summary>Reads the fields of one JSON object of a scenario file, reporting unknown, repeated, missing and invalid fields.</summary>
/// <remarks>
/// Opening the object reports every field it does not know (with a did-you-mean suggestion) and every field given
/// twice; the typed getters then report fields that are required but missing or that break their rule. A field set
/// to <c>null</c> counts as absent, so its default applies. Not thread-safe; one reader per object per parse.
/// </remarks>
internal sealed class JsonObjectReader
{
    private readonly Dictionary<string, JsonElement> _fields = new(StringComparer.Ordinal);
    private readonly ValidationErrors _errors;

    private JsonObjectReader(string path, ValidationErrors errors)
    {
        Path = path;
        _errors = errors;
    }

    /// <summary>The JSON path of the object; empty for the document's root.</summary>
    public string Path { get; }

    /// <summary>Whether any field was written, null or not.</summary>
    public bool IsEmpty => _fields.Count == 0;

    /// <summary>The path shown for a value at <paramref name="path"/>: the path itself, or <c>$</c> for the root.</summary>
    public static string Display(string path) => path.Length == 0 ? "$" : path;

    /// <summary>A reader of <paramref name="element"/>, or null (and an error) if it is not an object.</summary>
    /// <param name="element">The value that should be an object.</param>
    /// <param name="path">Its JSON path; empty for the root.</param>
    /// <param name="known">The fields the object may have, in the order the documentation lists them.</param>
    /// <param name="errors">Where problems go.</param>
    /// <param name="expected">What the rule calls the object when it is not one, e.g. "must be an object".</param>
    public static JsonObjectReader? Open(JsonElement element, string path, IReadOnlyList<string> known, ValidationErrors errors, string expected = "must be an object")
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.AddShown(Display(path), JsonValueReader.Raw(element), $"{expected} with fields: {string.Join(", ", known)}");
            return null;
        }

        var reader = new JsonObjectReader(path, errors);
        foreach (var property in element.EnumerateObject())
        {
            var fieldPath = reader.PathOf(property.Name);
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.AddShown(fieldPath, Quote(property.Name), FieldSuggestions.UnknownFieldRule(property.Name, known));
            }
            else if (!reader._fields.TryAdd(property.Name, property.Value))
            {
                errors.AddShown(fieldPath, JsonValueReader.Raw(property.Value), "is given more than once; give each field once");
            }
        }

        return reader;
    }

    /// <summary>The JSON path of <paramref name="field"/> in this object; <c>["name"]</c> for a name that is empty or has dots, brackets or quotes.</summary>
    public string PathOf(string field) =>
        field.Length == 0 || field.AsSpan().IndexOfAny(".[]\"") >= 0 ? $"{Path}[\"{field}\"]"
        : Path.Length == 0 ? field
        : $"{Path}.{field}";

    /// <summary>Whether <paramref name="field"/> is given and not null.</summary>
    public bool Has(string field) => _fields.TryGetValue(field, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>The value of <paramref name="field"/>, or null if absent or null (an error if <paramref name="required"/>).</summary>
    public JsonElement? Get(string field, bool required = false, string? hint = null)
    {
        if (_fields.TryGetValue(field, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            var shown = _fields.ContainsKey(field) ? "null" : ValidationErrors.Show(null);
            _errors.AddShown(PathOf(field), shown, hint is null ? "is required" : $"is required; {hint}");
        }

        return null;
    }

    /// <summary>A finite number inside <paramref name="range"/>, or null if absent or invalid.</summary>
    public double? Number(string field, NumberRange range, bool required = false) =>
        Get(field, required, range.Rule) is { } value ? JsonValueReader.Number(value, PathOf(field), range, _errors) : null;

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>], or null if absent or invalid.</summary>
    public long? Integer(string field, long min, long max, bool required = false) =>
        Get(field, required, NumberRange.IntegerRule(min, max)) is { } value ? JsonValueReader.Integer(value, PathOf(field), min, max, _errors) : null;

    /// <summary>A non-empty string, or null if absent or invalid.</summary>
    public string? Text(string field, bool required = false) =>
        Get(field, required, "must be a non-empty string") is { } value ? JsonValueReader.Text(value, PathOf(field), _errors) : null;

    /// <summary>true or false, or null if absent or invalid.</summary>
    public bool? Flag(string field) =>
        Get(field) is { } value ? JsonValueReader.Flag(value, PathOf(field), _errors) : null;

    /// <summary>One of <paramref name="choices"/> (ignoring case), or null if absent or invalid.</summary>
    public T? Choice<T>(string field, IReadOnlyList<(string Name, T Value)> choices, bool required = false)
        where T : struct =>
        Get(field, required, FieldSuggestions.UnknownChoiceRule(null, choices.Select(c => c.Name).ToArray())) is { } value
            ? JsonValueReader.Choice(value, PathOf(field), choices, _errors)
            : null;

    private static string Quote(string name) => ValidationErrors.Show(name);
}
