using System.Text.Json;
using ServerlessSim.Cost;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Concurrency;
using ServerlessSim.Policies.Dispatch;

namespace ServerlessSim.Configuration;

/// <summary>Reads <c>policies</c> of a scenario file: the execution models to compare, each with a unique name.</summary>
internal static class PolicyReader
{
    /// <summary>The fields of one policy.</summary>
    public static readonly string[] Fields =
        ["name", "concurrency", "maxConcurrentPerInstance", "vCpus", "dispatch", "limitCounts", "billing"];

    private static readonly (string Name, bool Value)[] Concurrency = [("onePerInstance", false), ("manyPerInstance", true)];

    private static readonly (string Name, DispatchKind Value)[] Dispatch =
        [("leastLoaded", DispatchKind.LeastLoaded), ("packing", DispatchKind.Packing)];

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
    // duplicate names are still reported; the caller discards the list if any error was added.
    private static PolicyOptions? ReadOne(JsonElement element, string path, ValidationErrors errors)
    {
        if (JsonObjectReader.Open(element, path, Fields, errors) is not { } reader)
        {
            return null;
        }

        var isMany = reader.Choice("concurrency", Concurrency, required: true);
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
        var billing = reader.Get("billing") is { } b ? BillingReader.Read(b, reader.PathOf("billing"), PolicyOptions.DefaultBillingModel(isMany ?? false), errors) : null;
        var name = reader.Text("name");
        if (isMany is null || (reader.Has("name") && name is null))
        {
            return null;
        }

        var options = isMany.Value
            ? PolicyOptions.ManyPerInstance((int)(k ?? ManyPerInstanceOptions.CloudRunDefaultConcurrency), vCpus, name)
            : name is null ? PolicyOptions.OnePerInstance() : PolicyOptions.OnePerInstance(name);
        return options with
        {
            Dispatch = dispatch is { } d ? new DispatchOptions(d) : null,
            LimitCounts = limitCounts,
            Billing = billing,
        };
    }
}
