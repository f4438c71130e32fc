using System.Text.Json;
using ServerlessSim.Cost;

namespace ServerlessSim.Configuration;

/// <summary>Reads price table files (the format of Cost/prices.json, docs/cost.md), reporting every problem at once.</summary>
/// <remarks>
/// A user's file overrides rows of a base table (the shipped one by default): give only the rows to change, each
/// complete (value, source, date). Comments and trailing commas are allowed. Every problem is a
/// <see cref="ValidationError"/> whose path names the file and the JSON path, e.g.
/// <c>my-prices.json:lambda.x86UsdPerGbSecond.value: -1 must be a number from 0 to 1000000 (USD per GB-second)</c>.
/// Thread-safe: the methods keep no state.
/// </remarks>
public static class PriceTableFile
{
    private const string EmbeddedName = "ServerlessSim.Cost.prices.json";

    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The table <paramref name="baseTable"/> with the rows of the file at <paramref name="path"/> in place of its own.</summary>
    /// <param name="path">The file; errors are reported as <c>path:line</c> (malformed JSON) or <c>path:json.path</c>.</param>
    /// <param name="baseTable">The rows not in the file; null for <see cref="PriceTable.Default"/>.</param>
    /// <exception cref="ScenarioValidationException">The file is missing or unreadable, or has problems; lists them all.</exception>
    public static PriceTable Load(string path, PriceTable? baseTable = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(InputFiles.ReadAllText(path, "price table file"), path, baseTable);
    }

    /// <summary>The table <paramref name="baseTable"/> with the rows of <paramref name="json"/> in place of its own.</summary>
    /// <param name="json">A price table document.</param>
    /// <param name="sourceName">What to call the text in errors and in <see cref="PriceTable.Source"/>, e.g. its file name.</param>
    /// <param name="baseTable">The rows not in the document; null for <see cref="PriceTable.Default"/>.</param>
    /// <exception cref="ScenarioValidationException">The JSON is malformed or has problems; lists them all.</exception>
    public static PriceTable Parse(string json, string sourceName = "prices", PriceTable? baseTable = null)
    {
        var rows = ReadRows(json, sourceName, complete: false);
        return (baseTable ?? PriceTable.Default).With(rows, sourceName);
    }

    /// <summary>The shipped table, which must have every row; a problem in it is a bug of the library.</summary>
    internal static PriceTable LoadEmbedded()
    {
        using var stream = typeof(PriceTableFile).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"The library has no embedded resource {EmbeddedName}.");
        using var text = new StreamReader(stream);
        return new PriceTable(ReadRows(text.ReadToEnd(), "built-in prices.json", complete: true), "built-in prices.json");
    }

    // Paths of errors in a file: file:json.path, or the file itself for the document.
    private static ValidationError InFile(ValidationError error, string sourceName) =>
        error with { Path = error.Path == "$" ? sourceName : $"{sourceName}:{error.Path}" };

    private static IReadOnlyList<PriceRow> ReadRows(string json, string sourceName, bool complete)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.StartsWith('\uFEFF') ? json[1..] : json, Options);
        }
        catch (JsonException e)
        {
            throw new ScenarioValidationException([JsonSyntaxError.From(json, sourceName, e)]);
        }

        using (document)
        {
            var errors = new ValidationErrors();
            var rows = PriceTableReader.Read(document.RootElement, string.Empty, complete, errors);
            if (rows is null || errors.Any)
            {
                throw new ScenarioValidationException(errors.All.Select(e => InFile(e, sourceName)).ToArray());
            }

            return rows;
        }
    }
}
