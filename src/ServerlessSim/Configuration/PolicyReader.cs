using System.Text.Json;
using ServerlessSim.Cost;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Concurrency;
using ServerlessSim.Policies.Contention;
using ServerlessSim.Policies.Dispatch;

namespace ServerlessSim.Configuration;

/// <summary>Reads <c>policies</c> of a scenario file: the execution models to compare, each with a unique name.</summary>
internal static class PolicyReader
{
    /// <summary>The fields of one policy.</summary>
    public static readonly string[] Fields =
    [
        "name", "preset", "concurrency", "maxConcurrentPerInstance", "vCpus", "dispatch", "limitCounts", "billing",
        "scaling", "waiting", "contention", "batching",
    ];

    private static readonly (string Name, bool Value)[] Concurrency = [("onePerInstance", false), ("manyPerInstance", true)];

    private static readonly (string Name, DispatchKind Value)[] Dispatch =
    [
        ("leastLoaded", DispatchKind.LeastLoaded), ("packing", DispatchKind.Packing), ("powerOfTwoChoices", DispatchKind.PowerOfTwoChoices),
        ("firstAvailable", DispatchKind.FirstAvailable), ("roundRobin", DispatchKind.RoundRobin),
    ];

    private static readonly IReadOnlyList<(string Name, PolicyOptions Policy)> PresetsByName = Presets.ByName;

    private static readonly (string Name, int Value)[] PresetNames = PresetsByName.Select((p, i) => (p.Name, i)).ToArray();

    private static readonly (string Name, LimitScope Value)[] LimitCounts =
        [("inFlightRequests", LimitScope.InFlightRequests), ("instances", LimitScope.Instances)];

    private static readonly NumberRange VCpus = new(0, 1024, MinExclusive: true, Unit: "vCPUs");

    /// <summary>The policies at <paramref name="path"/>, or null (with errors) if any is invalid or their names repeat.</summary>
    public static IReadOnlyList<PolicyOptions>? Read(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.AddShown(path, JsonValueReader.Raw(element), "must be an array of policies, e.g. [{\"name\": \"lambda\", \"concurrency\": \"onePerInstance\"}]");
            return null;
        }

        if (element.GetArrayLength() == 0)
        {
            errors.AddShown(path, JsonValueReader.Raw(element), "must list at least one policy");
            return null;
        }

        var before = errors.All.Count;
        var policies = new List<PolicyOptions>();
        var firstIndexOfName = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = $"{path}[{index}]";
            if (ReadOne(item, itemPath, errors) is { } policy)
            {
                if (firstIndexOfName.TryGetValue(policy.Name, out var first))
                {
                    errors.AddShown(itemPath + ".name", ValidationErrors.Show(policy.Name), $"must be unique among the policies; {path}[{first}] has the same name");
                }
                else
                {
                    firstIndexOfName.Add(policy.Name, index);
                }

                policies.Add(policy);
            }

            index++;
        }

        return errors.All.Count == before ? policies : null;
    }

    // Returns a policy whenever its name and concurrency are readable, even if another field is invalid, so that
    // duplicate names are still reported; the caller discards the list if any error was added. A preset gives every
    // field a value; the fields written override it.
    private static PolicyOptions? ReadOne(JsonElement element, string path, ValidationErrors errors)
    {
        if (JsonObjectReader.Open(element, path, Fields, errors) is not { } reader)
        {
            return null;
        }

        var preset = reader.Choice("preset", PresetNames) is { } index ? PresetsByName[index].Policy : null;
        var isMany = reader.Choice("concurrency", Concurrency, required: !reader.Has("preset")) ?? preset?.IsMany;
        var k = reader.Integer("maxConcurrentPerInstance", 1, ManyPerInstanceOptions.MaxAllowedConcurrency);
        var vCpus = reader.Number("vCpus", VCpus);
        if (isMany == false)
        {
            foreach (var manyOnly in (string[])["maxConcurrentPerInstance", "vCpus"])
            {
                if (reader.Get(manyOnly) is { } given)
                {
                    errors.AddShown(reader.PathOf(manyOnly), JsonValueReader.Raw(given), "is only allowed with \"concurrency\": \"manyPerInstance\"");
                }
            }
        }

        var dispatch = reader.Choice("dispatch", Dispatch);
        var limitCounts = reader.Choice("limitCounts", LimitCounts);
        var billing = reader.Get("billing") is { } b
            ? BillingReader.Read(b, reader.PathOf("billing"), preset?.EffectiveBilling.Model ?? PolicyOptions.DefaultBillingModel(isMany ?? false), errors)
            : preset?.Billing;
        Func<double, int>? platformConcurrency = null;
        var scaling = reader.Get("scaling") is { } s
            ? ScalingReader.Read(s, reader.PathOf("scaling"), preset?.Scaling, errors, out platformConcurrency)
            : preset?.Scaling;
        platformConcurrency ??= ScalingReader.DefaultConcurrency(scaling);

        // Waiting is read over what it would otherwise be; if the scaling was unreadable, over the preset's.
        var waiting = reader.Get("waiting") is { } w
            ? PlatformPartsReader.ReadWaiting(w, reader.PathOf("waiting"), preset?.Waiting ?? PolicyOptions.DefaultWaitingFor(scaling ?? preset?.Scaling), errors)
            : preset?.Waiting;
        var contention = reader.Get("contention") is { } c
            ? PlatformPartsReader.ReadContention(c, reader.PathOf("contention"), preset?.EffectiveContention ?? ContentionOptions.ProcessorSharing, errors)
            : preset?.Contention;
        var batching = reader.Get("batching") is { } eventSource ? BatchingReader.Read(eventSource, reader.PathOf("batching"), errors) : null;
        var name = reader.Text("name");
        if (isMany is null || (reader.Has("name") && name is null))
        {
            return null;
        }

        var presetMany = preset?.Concurrency as ManyPerInstanceOptions;
        var effectiveVCpus = vCpus ?? presetMany?.VCpus;

        // K not written: the platform's default for the vCPUs or instance size written (Managed Instances' runtime x
        // vCPUs, Flex Consumption's instance size), else the preset's, else Cloud Run's 80.
        var platformK = reader.Has("vCpus") || reader.Has("scaling") ? platformConcurrency?.Invoke(effectiveVCpus ?? 1) : null;
        var effectiveK = k ?? platformK ?? presetMany?.MaxConcurrentPerInstance ?? ManyPerInstanceOptions.CloudRunDefaultConcurrency;
        var options = isMany.Value
            ? PolicyOptions.ManyPerInstance((int)effectiveK, effectiveVCpus, name ?? preset?.Name)
            : PolicyOptions.OnePerInstance(name ?? preset?.Name ?? "one-per-instance");
        return options with
        {
            Dispatch = dispatch is { } d ? new DispatchOptions(d) : preset?.Dispatch,
            LimitCounts = limitCounts ?? preset?.LimitCounts,
            Billing = billing,
            Scaling = scaling,
            Waiting = waiting,
            Contention = contention,
            Preset = preset?.Preset,
            Batching = batching ?? preset?.Batching,
        };
    }
}
