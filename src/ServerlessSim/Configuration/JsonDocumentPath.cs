using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessSim.Configuration;

/// <summary>Dot-paths into a JSON document, written as in error messages: <c>policies[1].maxConcurrentPerInstance</c>, <c>function.work.cpuMs.percentilesMs["99"]</c>.</summary>
/// <remarks>
/// A path is field names separated by dots, each followed by any number of array indices <c>[i]</c>; a field whose
/// name has dots or brackets is written <c>["name"]</c>. Setting a path replaces the value there, adds a missing
/// field to an object (creating missing objects on the way, e.g. <c>account.concurrencyLimit</c> without an
/// <c>account</c>), and never grows an array.
/// </remarks>
internal static class JsonDocumentPath
{
    /// <summary>Minified JSON that keeps non-ASCII text and '+' as written: the canonical text of a value.</summary>
    public static readonly JsonSerializerOptions Minified = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One step of a path: a field name, or an array index when <see cref="Name"/> is null.</summary>
    public readonly record struct Segment(string? Name, int Index);

    /// <summary>The segments of <paramref name="path"/>, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public static IReadOnlyList<Segment>? Parse(string path, out string? problem)
    {
        var segments = new List<Segment>();
        var i = 0;
        problem = null;
        while (i < path.Length)
        {
            if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0)
                {
                    problem = "has a '[' without its ']'; a path looks like policies[1].maxConcurrentPerInstance";
                    return null;
                }

                var inside = path[(i + 1)..close];
                if (inside.Length >= 2 && inside[0] == '"' && inside[^1] == '"')
                {
                    segments.Add(new Segment(inside[1..^1], 0));
                }
                else if (int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    segments.Add(new Segment(null, index));
                }
                else
                {
                    problem = $"has [{inside}]; an index must be a whole number from 0 (or a quoted field name, [\"name\"])";
                    return null;
                }

                i = close + 1;
            }
            else
            {
                if (path[i] == '.')
                {
                    if (segments.Count == 0 || i + 1 >= path.Length || path[i + 1] is '.' or '[')
                    {
                        problem = "has an empty field name; a path looks like policies[1].maxConcurrentPerInstance";
                        return null;
                    }

                    i++;
                }
                else if (segments.Count > 0)
                {
                    problem = $"needs a '.' before \"{path[i..]}\"; a path looks like policies[1].maxConcurrentPerInstance";
                    return null;
                }

                var end = path.IndexOfAny(['.', '['], i);
                end = end < 0 ? path.Length : end;
                var name = path[i..end];
                if (name.Contains(']', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
                {
                    problem = $"has the field name \"{name}\", which has a ']' or a space; write [\"{name}\"] for such a name";
                    return null;
                }

                segments.Add(new Segment(name, 0));
                i = end;
            }
        }

        if (segments.Count == 0)
        {
            problem = "is empty; a path looks like policies[1].maxConcurrentPerInstance";
            return null;
        }

        return segments;
    }

    /// <summary>Sets the value at <paramref name="segments"/> in <paramref name="root"/>; returns null, or why it cannot.</summary>
    public static string? Set(JsonNode root, IReadOnlyList<Segment> segments, JsonNode? value)
    {
        var node = root;
        var walked = string.Empty;
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            var last = s == segments.Count - 1;
            if (segment.Name is { } name)
            {
                if (node is not JsonObject obj)
                {
                    return $"{Show(walked)} is {Kind(node)}, not an object, so it has no field \"{name}\"";
                }

                walked = Append(walked, segment);
                if (last)
                {
                    obj[name] = value;
                    return null;
                }

                if (obj[name] is not { } child)
                {
                    if (segments[s + 1].Name is null)
                    {
                        return $"{walked} does not exist, so it has no index [{segments[s + 1].Index}]";
                    }

                    child = new JsonObject();
                    obj[name] = child;
                }

                node = child;
            }
            else
            {
                if (node is not JsonArray array)
                {
                    return $"{Show(walked)} is {Kind(node)}, not an array, so it has no index [{segment.Index}]";
                }

                if (segment.Index >= array.Count)
                {
                    return $"{walked}[{segment.Index}] does not exist: {walked} has {array.Count} item(s), indices 0 to {array.Count - 1}";
                }

                walked = Append(walked, segment);
                if (last)
                {
                    array[segment.Index] = value;
                    return null;
                }

                node = array[segment.Index]!;
            }
        }

        return null;
    }

    /// <summary>Whether an error at <paramref name="errorPath"/> is at <paramref name="path"/> or inside it.</summary>
    public static bool IsAtOrUnder(string errorPath, string path) =>
        errorPath == path ||
        (errorPath.StartsWith(path, StringComparison.Ordinal) && errorPath[path.Length] is '.' or '[');

    private static string Append(string walked, Segment segment) => segment.Name switch
    {
        null => $"{walked}[{segment.Index}]",
        { } name when name.AsSpan().IndexOfAny(".[] ") >= 0 => $"{walked}[\"{name}\"]",
        { } name => walked.Length == 0 ? name : $"{walked}.{name}",
    };

    private static string Show(string walked) => walked.Length == 0 ? "the document" : walked;

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonObject => "an object",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a value",
        },
        _ => "a value",
    };
}
