using System.Text.Json;
using ServerlessSim.Cost;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;

namespace ServerlessSim.Configuration;

/// <summary>Walks a parsed scenario document, collecting every problem, and builds the <see cref="Scenario"/> if there is none.</summary>
/// <remarks>
/// Each section reader checks types, ranges and the rules between fields (warm-up before horizon, schedule starts
/// increasing, p99 at least the median) itself, with the same paths as <see cref="ScenarioValidator"/>, so every
/// problem is found even when nothing can be built; objects are constructed only from values already checked.
/// </remarks>
internal static class ScenarioReader
{
    /// <summary>The top-level fields.</summary>
    public static readonly string[] Fields =
        ["name", "seed", "horizonSeconds", "warmUpSeconds", "replications", "timeSeriesStepSeconds", "account", "function", "functions", "trace", "policies", "prices"];

    private static readonly string[] AccountFields = ["concurrencyLimit"];

    private static readonly NumberRange Horizon = new(0, ScenarioValidator.MaxHorizonSeconds, MinExclusive: true, Unit: "seconds");
    private static readonly NumberRange NonNegativeSeconds = new(0, Unit: "seconds");
    private static readonly NumberRange Step = new(0, MinExclusive: true, Unit: "seconds");

    /// <summary>The scenario in <paramref name="root"/>, or null if any error was added to <paramref name="errors"/>.</summary>
    /// <param name="root">The document.</param>
    /// <param name="errors">Where problems go.</param>
    /// <param name="baseDirectory">The directory a relative <c>prices</c> file is read from (the scenario file's).</param>
    public static Scenario? Read(JsonElement root, ValidationErrors errors, string baseDirectory)
    {
        if (JsonObjectReader.Open(root, string.Empty, Fields, errors, "must be a JSON object") is not { } reader)
        {
            return null;
        }

        var name = reader.Text("name", required: true);
        var seed = reader.Integer("seed", long.MinValue, long.MaxValue) ?? 1;
        var horizon = reader.Number("horizonSeconds", Horizon, required: true);
        var warmUp = reader.Number("warmUpSeconds", NonNegativeSeconds);
        if (horizon is { } h && warmUp is { } w && !(w < h))
        {
            errors.AddShown(reader.PathOf("warmUpSeconds"), Shown(reader, "warmUpSeconds"), $"must be less than horizonSeconds ({Shown(reader, "horizonSeconds")})");
        }

        var replications = reader.Integer("replications", 1, 10_000) ?? 1;
        var step = reader.Number("timeSeriesStepSeconds", Step);
        if (horizon is { } hs && step is { } s)
        {
            if (s > hs)
            {
                errors.AddShown(reader.PathOf("timeSeriesStepSeconds"), Shown(reader, "timeSeriesStepSeconds"),
                    $"must be at most horizonSeconds ({Shown(reader, "horizonSeconds")})");
            }
            else if (hs / s > ScenarioValidator.MaxTimeSeriesPoints)
            {
                errors.AddShown(reader.PathOf("timeSeriesStepSeconds"), Shown(reader, "timeSeriesStepSeconds"),
                    $"gives more than {ScenarioValidator.MaxTimeSeriesPoints:0} points over the horizon; use a longer step");
            }
        }

        var account = reader.Get("account") is { } a ? ReadAccount(a, reader.PathOf("account"), errors) : null;
        var functions = ReadFunctions(reader, baseDirectory, errors);
        var policies = reader.Get("policies", required: true, "give an array of policies") is { } p
            ? PolicyReader.Read(p, reader.PathOf("policies"), errors)
            : null;
        var prices = reader.Get("prices") is { } pr ? ReadPrices(pr, reader.PathOf("prices"), baseDirectory, errors) : null;

        if (errors.Any || name is null || horizon is null || functions is null || policies is null)
        {
            return null;
        }

        return new Scenario(
            Name: name,
            Functions: functions,
            Policies: policies,
            Horizon: SimDuration.FromSeconds(horizon.Value),
            WarmUp: SimDuration.FromSeconds(warmUp ?? 0),
            Seed: seed,
            Replications: (int)replications,
            Account: account,
            TimeSeriesStep: step is { } st ? SimDuration.FromSeconds(st) : null,
            Prices: prices);
    }

    // A file name (relative to the scenario file) or an object of rows; either overrides rows of the shipped table.
    private static PriceTable? ReadPrices(JsonElement element, string path, string baseDirectory, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return PriceTableReader.Read(element, path, complete: false, errors) is { } rows
                ? PriceTable.Default.With(rows, "the scenario's prices")
                : null;
        }

        if (element.ValueKind != JsonValueKind.String || element.GetString() is not { Length: > 0 } file)
        {
            errors.AddShown(path, JsonValueReader.Raw(element), "must be a price table file name (relative to the scenario file) or an object of price rows");
            return null;
        }

        var resolved = Path.IsPathRooted(file) ? file : Path.Combine(baseDirectory, file);
        try
        {
            return PriceTableFile.Load(resolved);
        }
        catch (ScenarioValidationException e)
        {
            // Problems inside the file name it (file:json.path); a file that cannot be read is this field's problem.
            errors.AddRange(e.Errors.Select(error => error.Path == resolved ? error with { Path = path } : error));
            return null;
        }
    }

    // Exactly one of "function" (one object), "functions" (an array sharing the account) and "trace" (a replay).
    private static IReadOnlyList<FunctionDefinition>? ReadFunctions(JsonObjectReader reader, string baseDirectory, ValidationErrors errors)
    {
        var given = new[] { "function", "functions", "trace" }.Where(reader.Has).ToArray();
        if (given.Length > 1)
        {
            errors.AddShown(reader.PathOf(given[1]), "{...}", $"must not be given with \"{given[0]}\": give one function, several as \"functions\", or a \"trace\"");
            return null;
        }

        if (reader.Has("functions"))
        {
            return FunctionReader.ReadMany(reader.Get("functions")!.Value, reader.PathOf("functions"), errors);
        }

        if (reader.Has("trace"))
        {
            return TraceSectionReader.Read(reader.Get("trace")!.Value, reader.PathOf("trace"), baseDirectory, errors);
        }

        return reader.Get("function", required: true, "give an object with \"arrivals\" and \"work\" (or several functions as \"functions\")") is { } f &&
               FunctionReader.Read(f, reader.PathOf("function"), errors) is { } function
            ? [function]
            : null;
    }

    private static AccountOptions? ReadAccount(JsonElement element, string path, ValidationErrors errors)
    {
        if (JsonObjectReader.Open(element, path, AccountFields, errors) is not { } reader)
        {
            return null;
        }

        var limit = reader.Integer("concurrencyLimit", 1, int.MaxValue);
        return new AccountOptions((int)(limit ?? AccountOptions.DefaultConcurrencyLimit));
    }

    private static string Shown(JsonObjectReader reader, string field) => JsonValueReader.Raw(reader.Get(field)!.Value);
}
