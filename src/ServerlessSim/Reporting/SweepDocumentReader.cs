using System.Text.Json;
using ServerlessSim.Configuration;
using ServerlessSim.Experiments.Sweeps;

namespace ServerlessSim.Reporting;

/// <summary>Reads back a document written by <see cref="SweepDocument"/> (a part, for <see cref="SweepMerge"/>).</summary>
/// <remarks>
/// A part is machine-written, but it travels between machines and may be truncated or edited: every problem is
/// reported at once as <c>file:json.path</c> with the value and the rule, e.g.
/// <c>part.json:rows[3].mean: "x" must be a finite number</c>, and malformed JSON as <c>file:line</c>.
/// </remarks>
public static class SweepDocumentReader
{
    private static readonly string[] RootFields =
        ["schemaVersion", "kind", "partial", "name", "fingerprint", "mode", "parameters", "points", "shard", "objective", "rows"];

    private static readonly string[] ObjectiveFields = ["minimise", "maxP99Ms", "maxThrottleRatio", "policy", "candidates", "meetingTargets", "choice"];
    private static readonly string[] RowFields = ["point", "parameters", "policy", "metric", "mean", "ci95HalfWidth", "replications"];
    private static readonly (string Name, SweepMode Value)[] Modes = [("grid", SweepMode.Grid), ("zip", SweepMode.Zip)];

    /// <summary>Reads the part file at <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioValidationException">The file is missing, unreadable or not a sweep document; every problem is listed.</exception>
    public static SweepResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(InputFiles.ReadAllText(path, "sweep part file"), path);
    }

    /// <summary>Reads a sweep document from JSON text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ScenarioValidationException">Not a sweep document of this schema version; every problem is listed.</exception>
    public static SweepResult Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.StartsWith('\uFEFF') ? json[1..] : json);
        }
        catch (JsonException e)
        {
            throw new ScenarioValidationException([JsonSyntaxError.From(json, source, e)]);
        }

        using (document)
        {
            var errors = new ValidationErrors();
            var result = Read(document.RootElement, errors);
            if (errors.Any || result is null)
            {
                throw new ScenarioValidationException(
                    errors.All.Select(e => e with { Path = e.Path == "$" ? source : $"{source}:{e.Path}" }).ToArray(), $"The sweep part {source}");
            }

            return result;
        }
    }

    private static SweepResult? Read(JsonElement element, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.Object && !element.TryGetProperty("schemaVersion", out _) && !element.TryGetProperty("kind", out _))
        {
            // Another JSON file (a scenario, a results document) given by mistake: one line, not one per field.
            errors.AddShown("$", "(file)", "is not a sweep document written by serverless-sim sweep: it has no schemaVersion and no kind; give the part files sweep-part-I-of-N.json");
            return null;
        }

        if (JsonObjectReader.Open(element, string.Empty, RootFields, errors, "must be a sweep document written by serverless-sim sweep: an object") is not { } root)
        {
            return null;
        }

        var version = root.Get("schemaVersion", required: true) is { } v ? Version(v, errors) : null;
        var kind = root.Choice("kind", [(SweepDocument.PartKind, true), (SweepDocument.SweepKind, false)], required: true);
        var partial = root.Get("partial", required: true) is { } p ? JsonValueReader.Flag(p, "partial", errors) : null;
        var name = root.Text("name", required: true);
        var fingerprint = root.Text("fingerprint", required: true);
        var mode = root.Choice("mode", Modes, required: true);
        var parameters = root.Get("parameters", required: true) is { } list ? ReadParameters(list, errors) : null;
        var points = root.Integer("points", 0, int.MaxValue, required: true);
        var shard = root.Get("shard") is { } s ? ReadShard(s, errors) : null;
        var objective = root.Get("objective") is { } o ? ReadObjective(o, errors) : null;
        var rows = parameters is null ? null : root.Get("rows", required: true) is { } r ? ReadPoints(r, parameters, errors) : null;
        if (version is null || kind is null || partial is null || name is null || fingerprint is null || mode is null ||
            parameters is null || points is null || rows is null || errors.Any)
        {
            return null;
        }

        var header = new SweepHeader(name, parameters, mode.Value, (int)points.Value, fingerprint, objective);
        return new SweepResult(header, rows, partial.Value, shard);
    }

    private static int? Version(JsonElement element, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var version) && version == SweepDocument.SchemaVersion)
        {
            return version;
        }

        errors.AddShown("schemaVersion", JsonValueReader.Raw(element), $"must be {SweepDocument.SchemaVersion}: this version of serverless-sim reads sweep documents of schema version {SweepDocument.SchemaVersion}");
        return null;
    }

    private static double? Finite(JsonObjectReader reader, string field, ValidationErrors errors, bool required = false)
    {
        if (reader.Get(field, required, "must be a finite number") is not { } element)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors.AddShown(reader.PathOf(field), JsonValueReader.Raw(element), "must be a finite number");
        return null;
    }

    private static string[]? ReadParameters(JsonElement element, ValidationErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.AddShown("parameters", JsonValueReader.Raw(element), "must be an array of the swept paths");
            return null;
        }

        var names = element.EnumerateArray().Select((item, i) => JsonValueReader.Text(item, $"parameters[{i}]", errors)).ToArray();
        return names.All(n => n is not null) ? names.Select(n => n!).ToArray() : null;
    }

    private static SweepShard? ReadShard(JsonElement element, ValidationErrors errors)
    {
        if (JsonObjectReader.Open(element, "shard", ["index", "count"], errors) is not { } reader)
        {
            return null;
        }

        var count = reader.Integer("count", 1, SweepShard.MaxCount, required: true);
        var index = reader.Integer("index", 0, (count ?? SweepShard.MaxCount) - 1, required: true);
        return index is { } i && count is { } c ? new SweepShard((int)i, (int)c) : null;
    }

    private static SweepObjective? ReadObjective(JsonElement element, ValidationErrors errors)
    {
        if (JsonObjectReader.Open(element, "objective", ObjectiveFields, errors) is not { } reader)
        {
            return null;
        }

        return new SweepObjective(Finite(reader, "maxP99Ms", errors), Finite(reader, "maxThrottleRatio", errors), reader.Text("policy"));
    }

    // Rows arrive grouped by point, in order; each point's values are the raw JSON text written for them.
    private static SweepPointResult[]? ReadPoints(JsonElement rows, IReadOnlyList<string> parameters, ValidationErrors errors)
    {
        if (rows.ValueKind != JsonValueKind.Array)
        {
            errors.AddShown("rows", JsonValueReader.Raw(rows), "must be an array of rows");
            return null;
        }

        var points = new List<SweepPointResult>();
        var currentRows = new List<SweepRow>();
        int? currentIndex = null;
        string[] currentValues = [];
        var index = 0;
        foreach (var element in rows.EnumerateArray())
        {
            var path = $"rows[{index++}]";
            if (JsonObjectReader.Open(element, path, RowFields, errors) is not { } row)
            {
                continue;
            }

            var point = row.Integer("point", 0, int.MaxValue, required: true);
            var values = row.Get("parameters", required: true) is { } v ? ReadValues(v, row.PathOf("parameters"), parameters, errors) : null;
            var policy = row.Text("policy", required: true);
            var metric = row.Text("metric", required: true);
            var mean = Finite(row, "mean", errors, required: true);
            var halfWidth = Finite(row, "ci95HalfWidth", errors);
            var replications = row.Integer("replications", 0, int.MaxValue, required: true);
            if (point is null || values is null || policy is null || metric is null || mean is null || replications is null)
            {
                continue;
            }

            if (point != currentIndex)
            {
                if (currentIndex is { } previous)
                {
                    points.Add(new SweepPointResult(previous, currentValues, currentRows));
                }

                (currentValues, currentRows, currentIndex) = (values, [], (int)point.Value);
            }

            currentRows.Add(new SweepRow(policy, metric, mean.Value, halfWidth, (int)replications.Value));
        }

        if (currentIndex is { } last)
        {
            points.Add(new SweepPointResult(last, currentValues, currentRows));
        }

        return points.OrderBy(p => p.Index).ToArray();
    }

    // The values as written (raw JSON, null included: a swept value may be null), one per swept parameter.
    private static string[]? ReadValues(JsonElement element, string path, IReadOnlyList<string> parameters, ValidationErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.AddShown(path, JsonValueReader.Raw(element), "must be an object of the swept parameters' values");
            return null;
        }

        var values = new string[parameters.Count];
        for (var i = 0; i < parameters.Count; i++)
        {
            if (!element.TryGetProperty(parameters[i], out var value))
            {
                errors.AddShown($"{path}.{parameters[i]}", ValidationErrors.Show(null), "is required; a row gives every swept parameter's value");
                return null;
            }

            values[i] = value.GetRawText();
        }

        return values;
    }
}
