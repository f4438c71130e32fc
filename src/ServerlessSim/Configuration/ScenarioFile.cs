using System.Text.Json;
using ServerlessSim.Experiments;

namespace ServerlessSim.Configuration;

/// <summary>Loads scenarios from JSON scenario files (the format of docs/scenario-format.md), reporting every problem at once.</summary>
/// <remarks>
/// Comments and trailing commas are allowed. Every problem found (malformed JSON, unknown or misspelt fields,
/// missing fields, wrong types, values out of range, inconsistent fields) is reported as a
/// <see cref="ValidationError"/> naming the JSON path (e.g. <c>policies[1].maxConcurrentPerInstance</c>), the value
/// as written and the rule. Durations of the workload are written in milliseconds and converted to seconds.
/// Thread-safe: the methods keep no state.
/// </remarks>
public static class ScenarioFile
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads the scenario file at <paramref name="path"/>.</summary>
    /// <param name="path">The file's path; errors in the JSON are reported as <c>path:line</c>.</param>
    /// <returns>The scenario, already checked by <see cref="ScenarioValidator"/>.</returns>
    /// <exception cref="ScenarioValidationException">The file is missing or unreadable, or the scenario has problems; lists them all.</exception>
    public static Scenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(InputFiles.ReadAllText(path, "scenario file"), path);
    }

    /// <summary>Reads a scenario from JSON text.</summary>
    /// <param name="json">The scenario document.</param>
    /// <param name="sourceName">
    /// What to call the text in errors about malformed JSON, e.g. a file name: <c>sourceName:line</c>; a relative
    /// <c>prices</c> file is read from its directory.
    /// </param>
    /// <returns>The scenario, already checked by <see cref="ScenarioValidator"/>.</returns>
    /// <exception cref="ScenarioValidationException">The JSON is malformed or the scenario has problems; lists them all.</exception>
    public static Scenario Parse(string json, string sourceName = "scenario")
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
            var scenario = ScenarioReader.Read(document.RootElement, errors, Path.GetDirectoryName(sourceName) ?? string.Empty);
            if (scenario is not null)
            {
                errors.AddRange(ScenarioValidator.Validate(scenario));
            }

            if (errors.Any || scenario is null)
            {
                throw new ScenarioValidationException(errors.All);
            }

            return scenario;
        }
    }
}
