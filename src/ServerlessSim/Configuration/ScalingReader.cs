using System.Text.Json;
using ServerlessSim.Engine;
using ServerlessSim.Policies.Scaling;

namespace ServerlessSim.Configuration;

/// <summary>Reads a policy's <c>scaling</c>: its <c>type</c> and that autoscaler's parameters, over the preset's when the type is the same.</summary>
internal static class ScalingReader
{
    private static readonly (string Name, int Value)[] Types =
        [("perRequest", 0), ("knative", 1), ("cloudRun", 2), ("managedInstances", 3), ("flexConsumption", 4)];

    private static readonly (string Name, ManagedInstancesRuntime Value)[] Runtimes =
    [
        ("node", ManagedInstancesRuntime.Node), ("python", ManagedInstancesRuntime.Python),
        ("java", ManagedInstancesRuntime.Java), ("dotnet", ManagedInstancesRuntime.DotNet),
    ];

    private static readonly string[] Common = ["type", "minInstances", "maxInstances", "tickSeconds"];

    /// <summary>The scaling at <paramref name="path"/>, or null (with errors).</summary>
    /// <param name="element">The <c>scaling</c> object.</param>
    /// <param name="path">Its path.</param>
    /// <param name="preset">The preset's scaling, which a missing or equal <c>type</c> starts from; null without a preset.</param>
    /// <param name="errors">Where problems go.</param>
    /// <param name="defaultConcurrency">K implied by the platform (Managed Instances' runtime, Flex Consumption's instance size), if any.</param>
    public static ScalingOptions? Read(JsonElement element, string path, ScalingOptions? preset, ValidationErrors errors, out Func<double, int>? defaultConcurrency)
    {
        defaultConcurrency = null;
        var type = ReadType(element, path, preset, errors);
        if (JsonObjectReader.Open(element, path, FieldsOf(type), errors) is not { } reader || type is null)
        {
            return null;
        }

        var before = errors.All.Count;
        ScalingOptions? result = type switch
        {
            0 => PerRequestScalingReader.Read(reader, preset as PerRequestScalingOptions ?? PerRequestScalingOptions.Instance, errors),
            1 => ReadCommon(reader, Knative(reader, preset as KnativeScalingOptions ?? new KnativeScalingOptions())),
            2 => ReadCommon(reader, CloudRun(reader, preset as CloudRunScalingOptions ?? new CloudRunScalingOptions())),
            3 => ReadCommon(reader, ManagedInstances(reader, preset as ManagedInstancesScalingOptions ?? new ManagedInstancesScalingOptions())),
            _ => ReadCommon(reader, Flex(reader, preset as FlexConsumptionScalingOptions ?? new FlexConsumptionScalingOptions())),
        };

        if (type == 3)
        {
            var runtime = reader.Choice("runtime", Runtimes) ?? ManagedInstancesRuntime.Node;
            defaultConcurrency = vCpus => ManagedInstancesScalingOptions.DefaultMaxConcurrency(runtime, vCpus);
        }
        else if (type == 4)
        {
            defaultConcurrency = FlexConcurrency(reader, errors);
        }

        return errors.All.Count == before ? result : null;
    }

    /// <summary>K implied by <paramref name="scaling"/> when nothing about it is written: Node.js on Managed Instances, 2,048 MB on Flex Consumption.</summary>
    public static Func<double, int>? DefaultConcurrency(ScalingOptions? scaling) => scaling switch
    {
        ManagedInstancesScalingOptions => vCpus => ManagedInstancesScalingOptions.DefaultMaxConcurrency(ManagedInstancesRuntime.Node, vCpus),
        FlexConsumptionScalingOptions => _ => FlexConsumptionScalingOptions.DefaultHttpConcurrency(2048),
        _ => null,
    };

    private static int? ReadType(JsonElement element, string path, ScalingOptions? preset, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var written) && written.ValueKind != JsonValueKind.Null)
        {
            return JsonValueReader.Choice(written, path + ".type", Types, errors);
        }

        if (preset is not null)
        {
            return Array.FindIndex(Types, t => t.Name == preset.Kind);
        }

        if (element.ValueKind == JsonValueKind.Object)
        {
            errors.AddShown(path + ".type", ValidationErrors.Show(null),
                "is required without a preset; " + FieldSuggestions.UnknownChoiceRule(null, Types.Select(t => t.Name).ToArray()));
        }

        return null;
    }

    private static string[] FieldsOf(int? type) => type switch
    {
        0 => PerRequestScalingReader.Fields,
        1 =>
        [
            .. Common, "targetConcurrency", "targetUtilization", "stableWindowSeconds", "panicWindowPercentage", "panicThresholdPercentage",
            "maxScaleUpRate", "maxScaleDownRate", "scaleToZeroGraceSeconds", "scaleDownDelaySeconds", "initialScale",
        ],
        2 => [.. Common, "targetConcurrencyUtilization", "targetCpuUtilization", "windowSeconds", "idleRetentionSeconds"],
        3 => [.. Common, "targetCpuUtilization", "targetConcurrencyUtilization", "windowSeconds", "doublingTimeSeconds", "runtime"],
        4 => [.. Common, "scaleInDelaySeconds", "instanceMemoryMb", "python"],

        // Unknown type: every field of every type, so that only the type is reported.
        _ => Enumerable.Range(0, Types.Length).SelectMany(t => FieldsOf(t)).Distinct().ToArray(),
    };

    private static KnativeScalingOptions Knative(JsonObjectReader reader, KnativeScalingOptions k) => k with
    {
        TargetConcurrency = reader.Number("targetConcurrency", PlatformRules.Positive) ?? k.TargetConcurrency,
        TargetUtilization = reader.Number("targetUtilization", PlatformRules.Utilization) ?? k.TargetUtilization,
        StableWindow = Seconds(reader, "stableWindowSeconds", PlatformRules.Window) ?? k.StableWindow,
        PanicWindowPercentage = reader.Number("panicWindowPercentage", PlatformRules.Percentage) ?? k.PanicWindowPercentage,
        PanicThresholdPercentage = reader.Number("panicThresholdPercentage", PlatformRules.Threshold) ?? k.PanicThresholdPercentage,
        MaxScaleUpRate = reader.Number("maxScaleUpRate", PlatformRules.Rate) ?? k.MaxScaleUpRate,
        MaxScaleDownRate = reader.Number("maxScaleDownRate", PlatformRules.Rate) ?? k.MaxScaleDownRate,
        ScaleToZeroGracePeriod = Seconds(reader, "scaleToZeroGraceSeconds", PlatformRules.Delay) ?? k.ScaleToZeroGracePeriod,
        ScaleDownDelay = Seconds(reader, "scaleDownDelaySeconds", PlatformRules.Delay) ?? k.ScaleDownDelay,
        InitialScale = (int?)reader.Integer("initialScale", 0, PlatformRules.MaxInstances) ?? k.InitialScale,
    };

    private static CloudRunScalingOptions CloudRun(JsonObjectReader reader, CloudRunScalingOptions c) => c with
    {
        TargetConcurrencyUtilization = reader.Number("targetConcurrencyUtilization", PlatformRules.Utilization) ?? c.TargetConcurrencyUtilization,
        TargetCpuUtilization = reader.Number("targetCpuUtilization", PlatformRules.Utilization) ?? c.TargetCpuUtilization,
        Window = Seconds(reader, "windowSeconds", PlatformRules.Window) ?? c.Window,
        IdleRetention = Seconds(reader, "idleRetentionSeconds", PlatformRules.Delay) ?? c.IdleRetention,
    };

    private static ManagedInstancesScalingOptions ManagedInstances(JsonObjectReader reader, ManagedInstancesScalingOptions m) => m with
    {
        TargetCpuUtilization = reader.Number("targetCpuUtilization", PlatformRules.Utilization) ?? m.TargetCpuUtilization,
        TargetConcurrencyUtilization = reader.Number("targetConcurrencyUtilization", PlatformRules.Utilization) ?? m.TargetConcurrencyUtilization,
        Window = Seconds(reader, "windowSeconds", PlatformRules.Window) ?? m.Window,
        DoublingTime = Seconds(reader, "doublingTimeSeconds", PlatformRules.Window) ?? m.DoublingTime,
    };

    private static FlexConsumptionScalingOptions Flex(JsonObjectReader reader, FlexConsumptionScalingOptions f) => f with
    {
        ScaleInDelay = Seconds(reader, "scaleInDelaySeconds", PlatformRules.Delay) ?? f.ScaleInDelay,
    };

    private static AutoscalingOptions ReadCommon(JsonObjectReader reader, AutoscalingOptions options) => options with
    {
        MinInstances = (int?)reader.Integer("minInstances", 0, PlatformRules.MaxInstances) ?? options.MinInstances,
        MaxInstances = (int?)reader.Integer("maxInstances", 1, PlatformRules.MaxInstances) ?? options.MaxInstances,
        TickInterval = Seconds(reader, "tickSeconds", PlatformRules.Tick) ?? options.TickInterval,
    };

    // Flex Consumption's HTTP concurrency follows the instance size (and is 1 for Python).
    private static Func<double, int>? FlexConcurrency(JsonObjectReader reader, ValidationErrors errors)
    {
        var memory = reader.Integer("instanceMemoryMb", 512, 4096);
        var python = reader.Flag("python") ?? false;
        if (memory is { } m && m is not (512 or 2048 or 4096))
        {
            errors.AddShown(reader.PathOf("instanceMemoryMb"), JsonValueReader.Raw(reader.Get("instanceMemoryMb")!.Value), "must be 512, 2048 or 4096 (Flex Consumption's instance sizes)");
            return null;
        }

        var concurrency = FlexConsumptionScalingOptions.DefaultHttpConcurrency((int)(memory ?? 2048), python);
        return _ => concurrency;
    }

    private static SimDuration? Seconds(JsonObjectReader reader, string field, NumberRange range) =>
        reader.Number(field, range) is { } seconds ? SimDuration.FromSeconds(seconds) : null;
}
