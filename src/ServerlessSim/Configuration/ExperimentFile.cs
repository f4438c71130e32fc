using System.Text.Encodings.Web;
using System.Text.Json;
using ServerlessSim.Experiments;

namespace ServerlessSim.Configuration;

/// <summary>Reads a scenario file together with its optional <c>experiment</c> section (docs/scenario-format.md#experiment).</summary>
/// <remarks>
/// The scenario part is read by <see cref="ScenarioFile"/>, unchanged, so its rules and messages are the same; the
/// <c>experiment</c> section (warm-up method, precision target, sweep, objective) is read here, and every problem of
/// both parts is reported in one <see cref="ScenarioValidationException"/>. <see cref="ScenarioFile"/> itself does
/// not know the section: use this class for files that have one. Thread-safe: the methods keep no state.
/// </remarks>
public static class ExperimentFile
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads the scenario file at <paramref name="path"/> with its <c>experiment</c> section.</summary>
    /// <exception cref="ScenarioValidationException">The file is missing or unreadable, or has problems; lists them all.</exception>
    public static ExperimentDefinition Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(InputFiles.ReadAllText(path, "scenario file"), path);
    }

    /// <summary>Reads a scenario and its <c>experiment</c> section from JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <param name="sourceName">What to call the text in errors about malformed JSON: <c>sourceName:line</c>.</param>
    /// <exception cref="ScenarioValidationException">The JSON is malformed or has problems; lists them all.</exception>
    public static ExperimentDefinition Parse(string json, string sourceName = "scenario")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        json = json.StartsWith('\uFEFF') ? json[1..] : json;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new ScenarioValidationException([JsonSyntaxError.From(json, sourceName, e)]);
        }

        using (document)
        {
            var root = document.RootElement;
            var sections = root.ValueKind == JsonValueKind.Object
                ? root.EnumerateObject().Where(p => p.NameEquals(ExperimentSectionReader.Section)).ToArray()
                : [];
            var errors = new ValidationErrors();
            var scenario = ReadScenario(sections.Length == 0 ? json : WithoutSection(root), sourceName, errors);

            // "experiment": null means absent, as for every other field.
            if (sections.Length == 0 || (sections.Length == 1 && sections[0].Value.ValueKind == JsonValueKind.Null))
            {
                return errors.Any ? throw new ScenarioValidationException(errors.All) : new ExperimentDefinition(scenario!, ExperimentOptions.Fixed);
            }

            if (sections.Length > 1)
            {
                errors.AddShown(ExperimentSectionReader.Section, JsonValueReader.Raw(sections[1].Value), "is given more than once; give each field once");
            }

            var (options, sweep, objective) = ExperimentSectionReader.Read(sections[0].Value, errors);
            var section = sections[0].Value;
            var hasPrecision = section.ValueKind == JsonValueKind.Object &&
                               section.TryGetProperty("precision", out var precision) && precision.ValueKind != JsonValueKind.Null;
            if (hasPrecision && root.TryGetProperty("replications", out var replications) && replications.ValueKind != JsonValueKind.Null)
            {
                errors.AddShown("replications", JsonValueReader.Raw(replications),
                    "cannot be combined with experiment.precision, which decides the number of replications (use its minReplications and maxReplications)");
            }

            if (scenario is not null)
            {
                errors.AddRange(options.Validate(scenario));
                if (objective?.Policy is { } policy && scenario.Policies.All(p => p.Name != policy))
                {
                    errors.Add("experiment.objective.policy", policy, "must name one of the policies: " + string.Join(", ", scenario.Policies.Select(p => p.Name)));
                }
            }

            if (errors.Any || scenario is null)
            {
                throw new ScenarioValidationException(errors.All);
            }

            return new ExperimentDefinition(scenario, options, sweep, objective);
        }
    }

    private static Scenario? ReadScenario(string json, string sourceName, ValidationErrors errors)
    {
        try
        {
            return ScenarioFile.Parse(json, sourceName);
        }
        catch (ScenarioValidationException e)
        {
            // ScenarioFile does not know the experiment section, so its list of top-level fields lacks it.
            errors.AddRange(e.Errors.Select(error =>
                !error.Path.Contains('.', StringComparison.Ordinal) && error.Rule.StartsWith("is not a known field", StringComparison.Ordinal)
                    ? error with { Rule = FieldSuggestions.UnknownFieldRule(error.Path, [.. ScenarioReader.Fields, ExperimentSectionReader.Section]) }
                    : error));
            return null;
        }
    }

    // The document without its experiment section; every other field, duplicates included, is copied as written.
    private static string WithoutSection(JsonElement root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                if (!property.NameEquals(ExperimentSectionReader.Section))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
