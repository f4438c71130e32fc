using System.Text.Json;
using ServerlessSim.Engine;
using ServerlessSim.Policies.Contention;
using ServerlessSim.Policies.Waiting;
using ServerlessSim.Randomness;

namespace ServerlessSim.Configuration;

/// <summary>Reads a policy's <c>waiting</c> and <c>contention</c>, each over the value it would otherwise have (the preset's or the scaling's default).</summary>
internal static class PlatformPartsReader
{
    private static readonly (string Name, WaitingKind Value)[] WaitingKinds =
        [("newInstance", WaitingKind.NewInstance), ("frontQueue", WaitingKind.FrontQueue), ("reject", WaitingKind.Reject)];

    private static readonly (string Name, ContentionKind Value)[] ContentionKinds =
        [("processorSharing", ContentionKind.ProcessorSharing), ("interference", ContentionKind.Interference)];

    private static readonly string[] WaitingFields = ["kind", "timeoutSeconds", "capacity"];
    private static readonly string[] ContentionFields = ["kind", "alpha", "memory"];
    private static readonly string[] MemoryFields = ["perRequestMb", "baseMb", "limitMb"];
    private static readonly string[] LogNormalMbFields = ["type", "medianMb", "p99Mb"];

    /// <summary>The waiting at <paramref name="path"/> over <paramref name="current"/>: another kind starts from no timeout and no capacity limit.</summary>
    public static WaitingOptions? ReadWaiting(JsonElement element, string path, WaitingOptions current, ValidationErrors errors)
    {
        if (JsonObjectReader.Open(element, path, WaitingFields, errors) is not { } reader)
        {
            return null;
        }

        var before = errors.All.Count;
        var kind = reader.Choice("kind", WaitingKinds) ?? current.Kind;
        var start = kind == current.Kind ? current : new WaitingOptions(kind, SimDuration.Infinite);
        var timeout = ReadTimeout(reader, errors) ?? start.Timeout;
        var capacity = (int?)reader.Integer("capacity", 1, int.MaxValue) ?? start.Capacity;
        if (kind != WaitingKind.FrontQueue)
        {
            foreach (var queueOnly in (string[])["timeoutSeconds", "capacity"])
            {
                if (reader.Get(queueOnly) is { } given)
                {
                    errors.AddShown(reader.PathOf(queueOnly), JsonValueReader.Raw(given), "is only allowed with \"kind\": \"frontQueue\"");
                }
            }
        }

        return errors.All.Count == before ? new WaitingOptions(kind, timeout, capacity) : null;
    }

    /// <summary>The contention at <paramref name="path"/> over <paramref name="current"/>.</summary>
    public static ContentionOptions? ReadContention(JsonElement element, string path, ContentionOptions current, ValidationErrors errors)
    {
        if (JsonObjectReader.Open(element, path, ContentionFields, errors) is not { } reader)
        {
            return null;
        }

        var before = errors.All.Count;
        var kind = reader.Choice("kind", ContentionKinds) ?? current.Kind;
        var alpha = reader.Number("alpha", PlatformRules.Alpha);
        if (alpha is not null && kind != ContentionKind.Interference)
        {
            errors.AddShown(reader.PathOf("alpha"), JsonValueReader.Raw(reader.Get("alpha")!.Value), "is only allowed with \"kind\": \"interference\"");
        }

        var memory = reader.Get("memory") is { } m ? ReadMemory(m, reader.PathOf("memory"), errors) : current.Memory;
        return errors.All.Count == before ? new ContentionOptions(kind, alpha ?? current.InterferenceAlpha, memory) : null;
    }

    private static SimDuration? ReadTimeout(JsonObjectReader reader, ValidationErrors errors)
    {
        if (reader.Get("timeoutSeconds") is not { } element)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.String && string.Equals(element.GetString(), "infinite", StringComparison.OrdinalIgnoreCase))
        {
            return SimDuration.Infinite;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var seconds) && PlatformRules.Timeout.Contains(seconds))
        {
            return SimDuration.FromSeconds(seconds);
        }

        errors.AddShown(reader.PathOf("timeoutSeconds"), JsonValueReader.Raw(element), PlatformRules.Timeout.Rule + " or the string \"infinite\"");
        return null;
    }

    private static MemoryLimitOptions? ReadMemory(JsonElement element, string path, ValidationErrors errors)
    {
        if (JsonObjectReader.Open(element, path, MemoryFields, errors) is not { } reader)
        {
            return null;
        }

        var perRequest = reader.Get("perRequestMb", required: true, "give megabytes (e.g. 20) or {\"type\":\"lognormal\",\"medianMb\":20,\"p99Mb\":200}") is { } p
            ? ReadMegabytes(p, reader.PathOf("perRequestMb"), errors)
            : null;
        var baseMb = reader.Number("baseMb", PlatformRules.Megabytes) ?? 0;
        var limitMb = reader.Number("limitMb", PlatformRules.Megabytes);
        if (limitMb is { } limit && !(limit > baseMb))
        {
            errors.AddShown(reader.PathOf("limitMb"), JsonValueReader.Raw(reader.Get("limitMb")!.Value), "must be greater than baseMb");
        }

        return perRequest is null ? null : new MemoryLimitOptions(perRequest, baseMb, limitMb);
    }

    // Megabytes: a number (constant) or a lognormal from its median and 99th percentile.
    private static IDistribution? ReadMegabytes(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            return JsonValueReader.Number(element, path, PlatformRules.Megabytes, errors) is { } mb ? new ConstantDistribution(mb) : null;
        }

        if (JsonObjectReader.Open(element, path, LogNormalMbFields, errors, "must be a number of MB or an object") is not { } reader)
        {
            return null;
        }

        reader.Choice("type", [("lognormal", 0)], required: true);
        var median = reader.Number("medianMb", new NumberRange(0, 1e7, MinExclusive: true, Unit: "MB"), required: true);
        var p99 = reader.Number("p99Mb", PlatformRules.Megabytes, required: true);
        if (median is { } m50 && p99 is { } m99 && !(m99 >= m50))
        {
            errors.AddShown(reader.PathOf("p99Mb"), JsonValueReader.Raw(reader.Get("p99Mb")!.Value), "must be at least medianMb");
            return null;
        }

        return median is { } median50 && p99 is { } p99Value ? LogNormalDistribution.FromMedianAndP99(median50, p99Value) : null;
    }
}
