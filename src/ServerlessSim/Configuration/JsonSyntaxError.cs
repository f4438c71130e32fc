using System.Text.Json;

namespace ServerlessSim.Configuration;

/// <summary>Turns a <see cref="JsonException"/> from the parser into a <see cref="ValidationError"/> naming <c>source:line</c>.</summary>
internal static class JsonSyntaxError
{
    private const int MaxLineShown = 80;

    /// <summary>The error for <paramref name="exception"/>: path <c>source:line</c> (1-based), the line as written, and the parser's message with the column.</summary>
    /// <remarks>E.g. <c>scenario.json:3: "horizonSeconds": 12 00, is not valid JSON at column 23: '0' is invalid after a value. ...</c></remarks>
    public static ValidationError From(string json, string sourceName, JsonException exception)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new ValidationError($"{sourceName}:1", "(end of input)", "is not valid JSON at column 1: the file is empty; expected a JSON object");
        }

        var line = (exception.LineNumber ?? 0) + 1;
        var column = (exception.BytePositionInLine ?? 0) + 1;
        var text = LineText(json, line);
        return new ValidationError($"{sourceName}:{line}", text, $"is not valid JSON at column {column}: {ParserMessage(exception)}");
    }

    // The parser's message without its own 0-based "LineNumber: 2 | BytePositionInLine: 9." suffix.
    private static string ParserMessage(JsonException exception)
    {
        var message = exception.Message;
        var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return suffix > 0 ? message[..suffix] : message;
    }

    private static string LineText(string json, long line)
    {
        var lines = json.Split('\n');
        if (line > lines.Length)
        {
            return "(end of input)";
        }

        var text = lines[line - 1].Trim();
        if (text.Length == 0)
        {
            return line == lines.Length ? "(end of input)" : "(empty line)";
        }

        return text.Length > MaxLineShown ? text[..MaxLineShown] + "..." : text;
    }
}
