using System.Text.Json;
using ServerlessSim.Platform;
using ServerlessSim.Workload;
using ServerlessSim.Workload.Traces;

namespace ServerlessSim.Configuration;

/// <summary>Reads <c>trace</c> of a scenario file: a trace replayed as the account's functions (docs/workloads.md).</summary>
internal static class TraceSectionReader
{
    /// <summary>The fields of <c>trace</c>.</summary>
    public static readonly string[] Fields = ["format", "path", "functions", "timeScale", "rateScale", "spread", "cpuFraction", "seed", "function"];

    private static readonly (string Name, TraceFormat Value)[] Formats =
        [("azure2019", TraceFormat.Azure2019), ("azure2021", TraceFormat.Azure2021), ("csv", TraceFormat.Csv)];

    private static readonly (string Name, WithinBinSpread Value)[] Spreads =
        [("uniform", WithinBinSpread.Uniform), ("evenlySpaced", WithinBinSpread.EvenlySpaced), ("poisson", WithinBinSpread.Poisson)];

    private static readonly NumberRange Scale = new(0, 1e6, MinExclusive: true);
    private static readonly NumberRange Fraction = new(0, 1);

    /// <summary>The trace's functions, or null (with errors); the trace is read relative to <paramref name="baseDirectory"/>.</summary>
    public static IReadOnlyList<FunctionDefinition>? Read(JsonElement element, string path, string baseDirectory, ValidationErrors errors)
    {
        if (JsonObjectReader.Open(element, path, Fields, errors) is not { } reader)
        {
            return null;
        }

        var before = errors.All.Count;
        var format = reader.Choice("format", Formats, required: true);
        var file = reader.Text("path", required: true);
        var selectors = ReadSelectors(reader, errors);
        var options = new TraceReplayOptions
        {
            TimeScale = reader.Number("timeScale", Scale) ?? 1,
            RateScale = reader.Number("rateScale", Scale) ?? 1,
            Spread = reader.Choice("spread", Spreads) ?? WithinBinSpread.Uniform,
            CpuFraction = reader.Number("cpuFraction", Fraction) ?? 0,
            Seed = reader.Integer("seed", long.MinValue, long.MaxValue) ?? 1,
        };
        var problems = new List<ValidationError>();
        options = TraceSelectors.Apply(options, selectors, reader.PathOf("functions"), problems);
        errors.AddRange(problems);
        var template = reader.Get("function") is { } t ? FunctionReader.ReadTemplate(t, reader.PathOf("function"), errors) : Default;
        if (errors.All.Count != before || format is null || file is null || template is not { } shared)
        {
            return null;
        }

        TraceWorkload workload;
        try
        {
            workload = TraceReplay.Load(format.Value, Path.IsPathRooted(file) ? file : Path.Combine(baseDirectory, file), options);
        }
        catch (ScenarioValidationException e)
        {
            errors.AddRange(e.Errors);
            return null;
        }

        if (!shared.HasWork && workload.Functions.FirstOrDefault(f => f.Work is null) is { } withoutDurations)
        {
            errors.AddShown(reader.PathOf("function.work"), "(missing)",
                $"is required: the trace gives no durations (e.g. function {withoutDurations.Name}); give \"cpuMs\" and \"ioWaitMs\"");
            return null;
        }

        return workload.Functions.Select(f => f.ToFunctionDefinition(shared.Function)).ToArray();
    }

    // With no "function", trace functions get the defaults of a scenario file's function (1,024 MB, no cold start, 600 s).
    private static (FunctionDefinition Function, bool HasWork)? Default =>
        (new FunctionDefinition(
            FunctionReader.DefaultName,
            FunctionReader.DefaultMemoryMb,
            ArrivalProcess.Constant(0),
            new WorkProfile(Randomness.ConstantDistribution.Zero, Randomness.ConstantDistribution.Zero),
            Randomness.ConstantDistribution.Zero,
            Engine.SimDuration.FromSeconds(FunctionReader.DefaultKeepAliveSeconds)), false);

    private static IReadOnlyList<string> ReadSelectors(JsonObjectReader reader, ValidationErrors errors)
    {
        if (reader.Get("functions") is not { } element)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            errors.AddShown(reader.PathOf("functions"), JsonValueReader.Raw(element), "must be an array of selectors, e.g. [\"top:100\", \"trigger:http\"]");
            return [];
        }

        return element.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }
}
