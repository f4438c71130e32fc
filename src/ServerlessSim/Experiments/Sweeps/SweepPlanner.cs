using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessSim.Configuration;

namespace ServerlessSim.Experiments.Sweeps;

/// <summary>Builds every point of a sweep by setting its values in the scenario document and reading the result as a scenario file.</summary>
/// <remarks>
/// Each point goes through <see cref="ExperimentFile"/>, so it is checked by exactly the rules of a hand-written file.
/// A problem at or under a parameter's path is reported against that parameter (<c>--set PATH=VALUES: path: value
/// rule</c>); any other problem a point causes (e.g. a horizon shorter than the warm-up) names the point and its
/// values. Every problem of every point is collected before anything runs.
/// </remarks>
internal static class SweepPlanner
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The most points a sweep may have: each is read and validated up front.</summary>
    public const int MaxPoints = 100_000;

    public static SweepPlan Plan(SweepRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The file on its own first: its own problems are reported as for `run`, and it has no duplicate fields
        // (which JsonNode cannot hold) once it passes.
        ExperimentFile.Parse(request.ScenarioJson, request.SourceName);
        var document = JsonNode.Parse(request.ScenarioJson.TrimStart('\uFEFF'), null, DocumentOptions)!;
        ApplyOverrides(document, request);
        var baseDefinition = ExperimentFile.Parse(document.ToJsonString(JsonDocumentPath.Minified), request.SourceName);

        var spec = new SweepSpec(
            [.. baseDefinition.Sweep?.Parameters ?? [], .. request.Parameters],
            request.Mode ?? baseDefinition.Sweep?.Mode ?? SweepMode.Grid);
        var paths = CheckSpec(spec);
        if (request.Objective?.Policy is { } policy && baseDefinition.Scenario.Policies.All(p => p.Name != policy))
        {
            throw new ScenarioValidationException(
            [
                new ValidationError("--objective-policy", ValidationErrors.Show(policy),
                    "must name one of the policies: " + string.Join(", ", baseDefinition.Scenario.Policies.Select(p => p.Name))),
            ]);
        }

        var errors = new List<ValidationError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var points = new List<SweepPoint>();
        var combinations = spec.Combinations();
        for (var index = 0; index < combinations.Count; index++)
        {
            var values = spec.Parameters.Select((p, i) => p.Values[combinations[index][i]]).ToArray();
            var point = document.DeepClone();
            var problems = new List<ValidationError>();
            for (var i = 0; i < spec.Parameters.Count; i++)
            {
                if (JsonDocumentPath.Set(point, paths[i], JsonNode.Parse(values[i])) is { } problem)
                {
                    problems.Add(new ValidationError(spec.Parameters[i].Source, spec.Parameters[i].Path, "cannot be set: " + problem));
                }
            }

            // A point whose values could not all be set is still read, so that the others' problems show too.
            try
            {
                var definition = ExperimentFile.Parse(point.ToJsonString(JsonDocumentPath.Minified), request.SourceName);
                if (problems.Count == 0)
                {
                    points.Add(new SweepPoint(index, values, definition));
                }
            }
            catch (ScenarioValidationException e)
            {
                problems.AddRange(e.Errors.Select(error => Attribute(error, spec, index, values)));
            }

            errors.AddRange(problems.Where(p => seen.Add(p.ToString())));
        }

        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        var header = new SweepHeader(
            baseDefinition.Scenario.Name,
            spec.Parameters.Select(p => p.Path).ToArray(),
            spec.Mode,
            points.Count,
            Fingerprint(document, spec),
            request.Objective ?? baseDefinition.Objective);
        return new SweepPlan(header, points);
    }

    private static void ApplyOverrides(JsonNode document, SweepRequest request)
    {
        if (request.Seed is { } seed)
        {
            document["seed"] = seed;
        }

        if (request.Replications is { } replications)
        {
            document["replications"] = replications;
            if (document["experiment"] is JsonObject experiment)
            {
                experiment.Remove("precision");
            }
        }
    }

    // Every parameter once, with a path that parses; in zip mode, every parameter with the same number of values.
    private static IReadOnlyList<JsonDocumentPath.Segment>[] CheckSpec(SweepSpec spec)
    {
        var errors = new List<ValidationError>();
        if (spec.Parameters.Count == 0)
        {
            errors.Add(new ValidationError("--set", "(missing)", "is needed: give at least one PATH=VALUES, on the command line or in experiment.sweep.set"));
        }

        var firstSource = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in spec.Parameters)
        {
            if (!firstSource.TryAdd(parameter.Path, parameter.Source))
            {
                errors.Add(new ValidationError(parameter.Source, ValidationErrors.Show(parameter.Path),
                    $"is already swept by {firstSource[parameter.Path]}; give each path once"));
            }
        }

        var pointCount = spec.Mode == SweepMode.Grid
            ? spec.Parameters.Aggregate(1.0, (product, p) => product * p.Values.Count)
            : spec.Parameters.Select(p => p.Values.Count).DefaultIfEmpty(0).Max();
        if (pointCount > MaxPoints)
        {
            errors.Add(new ValidationError("--set", string.Create(CultureInfo.InvariantCulture, $"({pointCount:0} points)"),
                $"gives more than {MaxPoints} points; sweep fewer values, or split the sweep into several"));
        }

        if (spec.Mode == SweepMode.Zip && spec.Parameters.Select(p => p.Values.Count).Distinct().Count() > 1)
        {
            var counts = string.Join(", ", spec.Parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Path} has {p.Values.Count}")));
            errors.Add(new ValidationError("--zip", "(values)", $"needs the same number of values for every parameter: {counts}"));
        }

        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        return spec.Parameters.Select(p => JsonDocumentPath.Parse(p.Path, out _)!).ToArray();
    }

    private static ValidationError Attribute(ValidationError error, SweepSpec spec, int index, IReadOnlyList<string> values)
    {
        var parameter = spec.Parameters.FirstOrDefault(p => JsonDocumentPath.IsAtOrUnder(error.Path, p.Path));
        var label = parameter?.Source ?? string.Create(CultureInfo.InvariantCulture,
            $"sweep point {index} ({string.Join(", ", spec.Parameters.Select((p, i) => $"{p.Path}={SweepParameter.Display(values[i])}"))})");
        return error with { Path = $"{label}: {error.Path}" };
    }

    private static string Fingerprint(JsonNode document, SweepSpec spec)
    {
        var text = new StringBuilder();
        text.Append("serverless-sim ").Append(typeof(SweepPlanner).Assembly.GetName().Version).Append('\n');
        text.Append(document.ToJsonString(JsonDocumentPath.Minified)).Append('\n');
        text.Append(spec.Mode).Append('\n');
        foreach (var parameter in spec.Parameters)
        {
            text.Append(parameter.Path).Append('=').AppendJoin(',', parameter.Values).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
