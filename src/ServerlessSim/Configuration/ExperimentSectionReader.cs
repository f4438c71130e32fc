using System.Text.Json;
using ServerlessSim.Experiments;
using ServerlessSim.Experiments.Sweeps;

namespace ServerlessSim.Configuration;

/// <summary>Reads the <c>experiment</c> section of a scenario file: warm-up, precision target, sweep and objective.</summary>
internal static class ExperimentSectionReader
{
    /// <summary>The section's name at the top level of a scenario file.</summary>
    public const string Section = "experiment";

    /// <summary>The fields of the section.</summary>
    public static readonly string[] Fields = ["warmUp", "precision", "sweep", "objective"];

    private static readonly string[] PrecisionFields = ["metric", "relativeHalfWidth", "minReplications", "maxReplications", "batchReplications"];
    private static readonly string[] SweepFields = ["set", "mode"];
    private static readonly string[] ObjectiveFields = ["maxP99Ms", "maxThrottleRatio", "policy"];
    private static readonly (string Name, WarmUpMethod Value)[] WarmUpMethods = [("fixed", WarmUpMethod.Fixed), ("mser5", WarmUpMethod.Mser5)];
    private static readonly (string Name, SweepMode Value)[] SweepModes = [("grid", SweepMode.Grid), ("zip", SweepMode.Zip)];
    private static readonly NumberRange RelativeHalfWidth = new(0, 1, MinExclusive: true, Unit: "a fraction of the mean, e.g. 0.02 for 2%");
    private static readonly NumberRange P99Ms = new(0, MinExclusive: true, Unit: "ms");
    private static readonly NumberRange ThrottleRatio = new(0, 1, Unit: "a fraction of requests, e.g. 0.001 for 0.1%");

    /// <summary>The section's contents; parts with problems are left out and the problems added to <paramref name="errors"/>.</summary>
    public static (ExperimentOptions Options, SweepSpec? Sweep, SweepObjective? Objective) Read(JsonElement element, ValidationErrors errors)
    {
        if (JsonObjectReader.Open(element, Section, Fields, errors) is not { } reader)
        {
            return (ExperimentOptions.Fixed, null, null);
        }

        var warmUp = reader.Choice("warmUp", WarmUpMethods) ?? WarmUpMethod.Fixed;
        var precision = reader.Get("precision") is { } p ? ReadPrecision(p, reader.PathOf("precision"), errors) : null;
        var sweep = reader.Get("sweep") is { } s ? ReadSweep(s, reader.PathOf("sweep"), errors) : null;
        var objective = reader.Get("objective") is { } o ? ReadObjective(o, reader.PathOf("objective"), errors) : null;
        return (new ExperimentOptions(precision, warmUp), sweep, objective);
    }

    private static PrecisionTarget? ReadPrecision(JsonElement element, string path, ValidationErrors errors)
    {
        if (JsonObjectReader.Open(element, path, PrecisionFields, errors) is not { } reader)
        {
            return null;
        }

        var metric = reader.Text("metric", required: true);
        var relative = reader.Number("relativeHalfWidth", RelativeHalfWidth, required: true);
        var min = reader.Integer("minReplications", 2, 10_000) ?? PrecisionTarget.DefaultMinReplications;
        var max = reader.Integer("maxReplications", 1, 10_000) ?? Math.Max(min, PrecisionTarget.DefaultMaxReplications);
        var batch = reader.Integer("batchReplications", 1, 10_000);
        if (reader.Has("maxReplications") && max < min)
        {
            errors.AddShown(reader.PathOf("maxReplications"), max.ToString(System.Globalization.CultureInfo.InvariantCulture), $"must be at least minReplications ({min})");
        }

        return metric is null || relative is null ? null : new PrecisionTarget(metric, relative.Value, (int)min, (int)max, (int?)batch);
    }

    private static SweepSpec? ReadSweep(JsonElement element, string path, ValidationErrors errors)
    {
        if (JsonObjectReader.Open(element, path, SweepFields, errors) is not { } reader)
        {
            return null;
        }

        var mode = reader.Choice("mode", SweepModes) ?? SweepMode.Grid;
        var setPath = reader.PathOf("set");
        var set = reader.Get("set", required: true, "give an array of \"PATH=VALUE,VALUE...\" strings");
        if (set is not { } items)
        {
            return null;
        }

        if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            errors.AddShown(setPath, JsonValueReader.Raw(items), "must be a non-empty array of \"PATH=VALUE,VALUE...\" strings, e.g. [\"policies[1].maxConcurrentPerInstance=1,2,5\"]");
            return null;
        }

        var parameters = new List<SweepParameter>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var itemPath = $"{setPath}[{index++}]";
            if (JsonValueReader.Text(item, itemPath, errors) is not { } text)
            {
                continue;
            }

            try
            {
                parameters.Add(SweepParameter.Parse(text, itemPath));
            }
            catch (ScenarioValidationException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        return parameters.Count == index ? new SweepSpec(parameters, mode) : null;
    }

    private static SweepObjective? ReadObjective(JsonElement element, string path, ValidationErrors errors)
    {
        if (JsonObjectReader.Open(element, path, ObjectiveFields, errors) is not { } reader)
        {
            return null;
        }

        var p99 = reader.Number("maxP99Ms", P99Ms);
        var throttle = reader.Number("maxThrottleRatio", ThrottleRatio);
        var policy = reader.Text("policy");
        if (!reader.Has("maxP99Ms") && !reader.Has("maxThrottleRatio"))
        {
            errors.AddShown(path, JsonValueReader.Raw(element), "must give maxP99Ms, maxThrottleRatio or both");
            return null;
        }

        return new SweepObjective(p99, throttle, policy);
    }
}
