using System.Text.Json;
using ServerlessSim.Engine;
using ServerlessSim.Platform;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Configuration;

/// <summary>Reads <c>function</c> of a scenario file: its name, memory, arrivals, work, cold start, keep-alive and instance cap.</summary>
internal static class FunctionReader
{
    /// <summary>The function's name when none is given.</summary>
    public const string DefaultName = "function";

    /// <summary>The memory per instance when none is given, in MB.</summary>
    public const double DefaultMemoryMb = 1024;

    /// <summary>The keep-alive when none is given, in seconds (Lambda's measured ~10 minutes).</summary>
    public const double DefaultKeepAliveSeconds = 600;

    /// <summary>The fields of <c>function</c>.</summary>
    public static readonly string[] Fields =
    [
        "name", "memoryMb", "arrivals", "work", "coldStartMs", "keepAliveSeconds", "maxInstances", "reservedConcurrency", "invocation", "errorProbability",
    ];

    /// <summary>The fields of <c>trace.function</c>: a function's, but name and arrivals come from the trace.</summary>
    public static readonly string[] TemplateFields = ["memoryMb", "work", "coldStartMs", "keepAliveSeconds", "maxInstances", "invocation", "errorProbability"];

    private static readonly string[] WorkFields = ["cpuMs", "ioWaitMs"];

    private const string DistributionHint = "give milliseconds (e.g. 10) or a distribution (e.g. {\"type\":\"lognormal\",\"medianMs\":10,\"p99Ms\":40})";

    private static readonly NumberRange Memory = new(64, 32_768, Unit: "MB");
    private static readonly NumberRange KeepAlive = new(0, Unit: "seconds");
    private static readonly NumberRange Probability = new(0, 1);

    /// <summary>The functions of <c>functions</c> at <paramref name="path"/>, or null (with errors) if any is invalid or names repeat.</summary>
    /// <remarks>Unnamed functions are called function1, function2, ... by position (a lone one just "function").</remarks>
    public static IReadOnlyList<FunctionDefinition>? ReadMany(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            errors.AddShown(path, JsonValueReader.Raw(element), "must be a non-empty array of functions, e.g. [{\"name\": \"api\", \"arrivals\": ..., \"work\": ...}]");
            return null;
        }

        var before = errors.All.Count;
        var functions = new List<FunctionDefinition>();
        var firstIndexOfName = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = $"{path}[{index}]";
            var defaultName = element.GetArrayLength() == 1 ? DefaultName : $"{DefaultName}{index + 1}";
            if (Read(item, itemPath, errors, defaultName) is { } function)
            {
                if (firstIndexOfName.TryGetValue(function.Name, out var first))
                {
                    errors.Add(itemPath + ".name", function.Name, $"must be unique among the functions (also {path}[{first}].name)");
                }
                else
                {
                    firstIndexOfName[function.Name] = index;
                    functions.Add(function);
                }
            }

            index++;
        }

        return errors.All.Count == before ? functions : null;
    }

    /// <summary>The function at <paramref name="path"/>, or null (with errors) if anything about it is invalid.</summary>
    public static FunctionDefinition? Read(JsonElement element, string path, ValidationErrors errors, string defaultName = DefaultName) =>
        Read(element, path, errors, defaultName, template: false);

    /// <summary>
    /// The settings a trace's functions share (<c>trace.function</c>): a function without name and arrivals, whose
    /// work is optional (null when absent: then the trace must give durations).
    /// </summary>
    public static (FunctionDefinition Function, bool HasWork)? ReadTemplate(JsonElement element, string path, ValidationErrors errors) =>
        Read(element, path, errors, DefaultName, template: true) is { } function
            ? (function, element.TryGetProperty("work", out var work) && work.ValueKind != JsonValueKind.Null)
            : null;

    private static FunctionDefinition? Read(JsonElement element, string path, ValidationErrors errors, string defaultName, bool template)
    {
        if (JsonObjectReader.Open(element, path, template ? TemplateFields : Fields, errors) is not { } reader)
        {
            return null;
        }

        var before = errors.All.Count;
        var name = template ? defaultName : reader.Text("name") ?? defaultName;
        var memoryMb = reader.Number("memoryMb", Memory) ?? DefaultMemoryMb;
        var arrivals = template
            ? ArrivalProcess.Constant(0)
            : reader.Get("arrivals", required: true, "give an object with \"ratePerSecond\" or \"rateSchedule\"") is { } a
                ? ArrivalsReader.Read(a, reader.PathOf("arrivals"), errors)
                : null;
        var work = reader.Get("work", required: !template, "give an object with \"cpuMs\" and optionally \"ioWaitMs\"") is { } w
            ? ReadWork(w, reader.PathOf("work"), errors)
            : template ? new WorkProfile(ConstantDistribution.Zero, ConstantDistribution.Zero) : null;
        var coldStart = reader.Get("coldStartMs") is { } c ? DistributionReader.Read(c, reader.PathOf("coldStartMs"), errors) : ConstantDistribution.Zero;
        var keepAlive = ReadKeepAlive(reader, errors);
        var maxInstances = reader.Integer("maxInstances", 1, int.MaxValue);
        var reserved = template ? null : reader.Integer("reservedConcurrency", 0, int.MaxValue);
        var invocation = reader.Get("invocation") is { } i ? InvocationReader.Read(i, reader.PathOf("invocation"), errors) : null;
        var errorProbability = reader.Number("errorProbability", Probability) ?? 0;
        if (errors.All.Count != before || arrivals is null || work is null || coldStart is null || keepAlive is null)
        {
            return null;
        }

        return new FunctionDefinition(name, memoryMb, arrivals, work, coldStart, keepAlive.Value, (int?)maxInstances)
        {
            ReservedConcurrency = (int?)reserved,
            Invocation = invocation,
            ErrorProbability = errorProbability,
        };
    }

    private static WorkProfile? ReadWork(JsonElement element, string path, ValidationErrors errors)
    {
        if (JsonObjectReader.Open(element, path, WorkFields, errors) is not { } reader)
        {
            return null;
        }

        var cpu = reader.Get("cpuMs", required: true, DistributionHint) is { } c ? DistributionReader.Read(c, reader.PathOf("cpuMs"), errors) : null;
        var io = reader.Get("ioWaitMs") is { } i ? DistributionReader.Read(i, reader.PathOf("ioWaitMs"), errors) : ConstantDistribution.Zero;
        return cpu is not null && io is not null ? new WorkProfile(cpu, io) : null;
    }

    private static SimDuration? ReadKeepAlive(JsonObjectReader reader, ValidationErrors errors)
    {
        if (reader.Get("keepAliveSeconds") is not { } element)
        {
            return SimDuration.FromSeconds(DefaultKeepAliveSeconds);
        }

        if (element.ValueKind == JsonValueKind.String && string.Equals(element.GetString(), "infinite", StringComparison.OrdinalIgnoreCase))
        {
            return SimDuration.Infinite;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var seconds) && KeepAlive.Contains(seconds))
        {
            return SimDuration.FromSeconds(seconds);
        }

        errors.AddShown(reader.PathOf("keepAliveSeconds"), JsonValueReader.Raw(element), KeepAlive.Rule + " or the string \"infinite\"");
        return null;
    }
}
