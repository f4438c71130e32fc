using System.Text.Json;
using ServerlessSim.Engine;
using ServerlessSim.Policies.KeepAlive;
using ServerlessSim.Policies.Scaling;

namespace ServerlessSim.Configuration;

/// <summary>Reads the fields of <c>"scaling": {"type": "perRequest", ...}</c>: Lambda's scaling rate, request rate, keep-alive, idle choice, lifetimes, timeouts and provisioned concurrency.</summary>
internal static class PerRequestScalingReader
{
    /// <summary>The fields of a per-request scaling object.</summary>
    public static readonly string[] Fields =
    [
        "type", "scalingRate", "requestRatePerConcurrency", "keepAlive", "idleChoice", "maxLifetimeMs", "initTimeoutSeconds", "functionTimeoutSeconds", "provisionedConcurrency",
    ];

    private static readonly (string Name, int Value)[] RateTypes = [("none", 0), ("awsLambda", 1), ("tokenBucket", 2), ("legacyBurst", 3)];
    private static readonly (string Name, int Value)[] KeepAliveTypes = [("fixed", 0), ("measuredAwsLambda2021", 1), ("idleLifetime", 2), ("hybridHistogram", 3)];

    private static readonly (string Name, IdleEnvironmentChoice Value)[] IdleChoices =
    [
        ("mostRecentlyUsed", IdleEnvironmentChoice.MostRecentlyUsed), ("leastRecentlyUsed", IdleEnvironmentChoice.LeastRecentlyUsed),
        ("random", IdleEnvironmentChoice.Random),
    ];

    private static readonly NumberRange TimeoutSeconds = new(0, 86_400, MinExclusive: true, Unit: "seconds");
    private static readonly NumberRange PeriodSeconds = new(0, 86_400, MinExclusive: true, Unit: "seconds");
    private static readonly NumberRange AtSeconds = new(0, 1e9, Unit: "seconds");
    private static readonly NumberRange Percentile = new(0, 100, MinExclusive: true);
    private static readonly NumberRange Fraction = new(0, 1);
    private static readonly NumberRange NonNegative = new(0, 1e6);
    private static readonly NumberRange RequestsPerSecondPerUnit = new(0, 1e6, MinExclusive: true, Unit: "invocations per second per unit of concurrency");
    private static readonly NumberRange Minutes = new(0, 10_080, MinExclusive: true, Unit: "minutes");

    /// <summary>The per-request scaling read over <paramref name="start"/> (the preset's, or the plain one).</summary>
    public static PerRequestScalingOptions Read(JsonObjectReader reader, PerRequestScalingOptions start, ValidationErrors errors) => start with
    {
        ScalingRate = reader.Get("scalingRate") is { } rate ? ReadRate(rate, reader.PathOf("scalingRate"), errors) : start.ScalingRate,
        RequestRatePerConcurrency = reader.Get("requestRatePerConcurrency") is { } requestRate
            ? ReadRequestRate(requestRate, reader.PathOf("requestRatePerConcurrency"), errors)
            : start.RequestRatePerConcurrency,
        KeepAlive = reader.Get("keepAlive") is { } keepAlive ? ReadKeepAlive(keepAlive, reader.PathOf("keepAlive"), errors) : start.KeepAlive,
        IdleChoice = reader.Choice("idleChoice", IdleChoices) ?? start.IdleChoice,
        MaxLifetime = reader.Get("maxLifetimeMs") is { } lifetime ? DistributionReader.Read(lifetime, reader.PathOf("maxLifetimeMs"), errors) : start.MaxLifetime,
        InitTimeout = Seconds(reader, "initTimeoutSeconds") ?? start.InitTimeout,
        FunctionTimeout = Seconds(reader, "functionTimeoutSeconds") ?? start.FunctionTimeout,
        ProvisionedConcurrency = reader.Get("provisionedConcurrency") is { } provisioned
            ? ReadProvisioned(provisioned, reader.PathOf("provisionedConcurrency"), errors)
            : start.ProvisionedConcurrency,
    };

    // 10 (Lambda's), any other number of invocations a second per unit of concurrency, or "none" (to lift a preset's).
    private static double? ReadRequestRate(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.String && element.GetString() == "none")
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number)
        {
            errors.AddShown(path, JsonValueReader.Raw(element), "must be a number greater than 0 and at most 1000000 (invocations per second per unit of concurrency), or \"none\"");
            return null;
        }

        return JsonValueReader.Number(element, path, RequestsPerSecondPerUnit, errors);
    }

    // "awsLambda", "none", or {"type": "tokenBucket", "environments": 1000, "periodSeconds": 10} / {"type": "legacyBurst", "initialBurst": 500}.
    private static ScalingRateOptions? ReadRate(JsonElement element, string path, ValidationErrors errors)
    {
        var type = TypeOf(element, path, RateTypes, errors);
        if (element.ValueKind == JsonValueKind.String)
        {
            return type switch
            {
                1 => ScalingRateOptions.AwsLambda,
                2 => ScalingRateOptions.AwsLambda,
                3 => new LegacyBurstScalingRate(),
                _ => null,
            };
        }

        var fields = type switch
        {
            2 => new[] { "type", "environments", "periodSeconds" },
            3 => ["type", "initialBurst", "increasePerMinute"],
            _ => ["type"],
        };
        if (JsonObjectReader.Open(element, path, fields, errors) is not { } reader)
        {
            return null;
        }

        return type switch
        {
            1 => ScalingRateOptions.AwsLambda,
            2 => new TokenBucketScalingRate(
                (int)(reader.Integer("environments", 1, 1_000_000) ?? ScalingRateOptions.AwsLambda.Environments),
                Seconds(reader, "periodSeconds", PeriodSeconds) ?? ScalingRateOptions.AwsLambda.Period),
            3 => new LegacyBurstScalingRate(
                (int)(reader.Integer("initialBurst", 1, 1_000_000) ?? 3000),
                (int)(reader.Integer("increasePerMinute", 1, 1_000_000) ?? LegacyBurstScalingRate.DefaultIncreasePerMinute)),
            _ => null,
        };
    }

    // "fixed", "measuredAwsLambda2021", {"type": "idleLifetime", "idleLifetimeMs": ...} or {"type": "hybridHistogram", ...}.
    private static KeepAliveOptions? ReadKeepAlive(JsonElement element, string path, ValidationErrors errors)
    {
        var type = TypeOf(element, path, KeepAliveTypes, errors);
        if (element.ValueKind == JsonValueKind.String)
        {
            return type == 1 ? IdleLifetimeKeepAlive.MeasuredAwsLambda2021 : null;
        }

        var fields = type switch
        {
            2 => new[] { "type", "idleLifetimeMs" },
            3 =>
            [
                "type", "binMinutes", "rangeMinutes", "headPercentile", "tailPercentile", "margin", "minCoefficientOfVariation", "minObservations",
                "fallbackKeepAliveMinutes", "maxOutOfBoundsFraction",
            ],
            _ => ["type"],
        };
        if (JsonObjectReader.Open(element, path, fields, errors) is not { } reader)
        {
            return null;
        }

        if (type == 1)
        {
            return IdleLifetimeKeepAlive.MeasuredAwsLambda2021;
        }

        if (type == 2)
        {
            return reader.Get("idleLifetimeMs", required: true, "give a distribution in milliseconds") is { } lifetime
                && DistributionReader.Read(lifetime, reader.PathOf("idleLifetimeMs"), errors) is { } distribution
                ? new IdleLifetimeKeepAlive(distribution)
                : null;
        }

        if (type != 3)
        {
            return null;
        }

        var paper = HybridHistogramKeepAlive.Paper;
        return new HybridHistogramKeepAlive(
            reader.Number("binMinutes", Minutes) is { } bin ? SimDuration.FromMinutes(bin) : paper.BinWidth,
            reader.Number("rangeMinutes", Minutes) is { } range ? SimDuration.FromMinutes(range) : paper.Range,
            reader.Number("headPercentile", Percentile) ?? paper.HeadPercentile,
            reader.Number("tailPercentile", Percentile) ?? paper.TailPercentile,
            reader.Number("margin", Fraction) ?? paper.Margin,
            reader.Number("minCoefficientOfVariation", NonNegative) ?? paper.MinCoefficientOfVariation,
            (int)(reader.Integer("minObservations", 1, 1_000_000) ?? paper.MinObservations),
            reader.Number("fallbackKeepAliveMinutes", Minutes) is { } fallback ? SimDuration.FromMinutes(fallback) : null,
            reader.Number("maxOutOfBoundsFraction", Fraction) ?? paper.MaxOutOfBoundsFraction);
    }

    // A number of environments from time 0, or {"steps": [{"atSeconds": 0, "environments": 10}, ...], "repeatEverySeconds": 86400}.
    private static ProvisionedConcurrencyOptions? ReadProvisioned(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            return JsonValueReader.Integer(element, path, 0, PlatformRules.MaxInstances, errors) is { } constant
                ? ProvisionedConcurrencyOptions.Constant((int)constant)
                : null;
        }

        if (JsonObjectReader.Open(element, path, ["steps", "repeatEverySeconds"], errors,
                "must be a number of environments, or an object") is not { } reader)
        {
            return null;
        }

        var before = errors.All.Count;
        var repeat = Seconds(reader, "repeatEverySeconds", AtSeconds with { MinExclusive = true });
        var steps = new List<ProvisionedStep>();
        if (reader.Get("steps", required: true, "give [{\"atSeconds\": 0, \"environments\": 10}, ...]") is { } list)
        {
            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                errors.AddShown(reader.PathOf("steps"), JsonValueReader.Raw(list), "must be a non-empty array of {\"atSeconds\", \"environments\"}");
            }
            else
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var itemPath = $"{reader.PathOf("steps")}[{index++}]";
                    if (JsonObjectReader.Open(item, itemPath, ["atSeconds", "environments"], errors) is { } step
                        && step.Number("atSeconds", AtSeconds, required: true) is { } at
                        && step.Integer("environments", 0, PlatformRules.MaxInstances, required: true) is { } environments)
                    {
                        steps.Add(new ProvisionedStep(SimDuration.FromSeconds(at), (int)environments));
                    }
                }
            }
        }

        return errors.All.Count == before ? new ProvisionedConcurrencyOptions(steps, repeat) : null;
    }

    // A choice given as a string, or as an object's "type".
    private static int? TypeOf(JsonElement element, string path, (string Name, int Value)[] types, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return JsonValueReader.Choice(element, path, types, errors);
        }

        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var type) && type.ValueKind != JsonValueKind.Null)
        {
            return JsonValueReader.Choice(type, path + ".type", types, errors);
        }

        errors.AddShown(path, JsonValueReader.Raw(element), $"must be one of: {string.Join(", ", types.Select(t => t.Name))}, or an object with that \"type\"");
        return null;
    }

    private static SimDuration? Seconds(JsonObjectReader reader, string field, NumberRange? range = null) =>
        reader.Number(field, range ?? TimeoutSeconds) is { } seconds ? SimDuration.FromSeconds(seconds) : null;
}
