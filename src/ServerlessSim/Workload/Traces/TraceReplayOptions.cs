using ServerlessSim.Configuration;

namespace ServerlessSim.Workload.Traces;

/// <summary>Which functions of a trace to keep and how to scale the trace; the same for every trace format.</summary>
/// <remarks>
/// Filters apply first (<see cref="FunctionIds"/>, <see cref="Triggers"/>, <see cref="Sample"/>), then
/// <see cref="TopFunctions"/> keeps the busiest of what is left, then the kept functions are scaled. Functions
/// come out busiest first (ties by id). Immutable and thread-safe; <see cref="Validate"/> lists every problem.
/// </remarks>
public sealed record TraceReplayOptions
{
    /// <summary>The largest <see cref="TimeScale"/> accepted.</summary>
    internal const double MaxTimeScale = 1e6;

    /// <summary>The largest <see cref="RateScale"/> accepted.</summary>
    internal const double MaxRateScale = 1e3;

    /// <summary>The options that keep every function at the trace's own speed and volume.</summary>
    public static TraceReplayOptions Default { get; } = new();

    /// <summary>Keep only the N functions with the most invocations in the trace; null for all.</summary>
    public int? TopFunctions { get; init; }

    /// <summary>Keep only functions with one of these triggers (ignoring case; Azure 2019: http, timer, event, queue, storage, orchestration, others); null for all. Formats without triggers then keep nothing.</summary>
    public IReadOnlyList<string>? Triggers { get; init; }

    /// <summary>Keep only functions with one of these ids (Azure 2019: HashFunction; Azure 2021: func; CSV: the function column); null for all.</summary>
    public IReadOnlyList<string>? FunctionIds { get; init; }

    /// <summary>Keep a deterministic hash sample of the functions; null for all.</summary>
    public HashSample? Sample { get; init; }

    /// <summary>Multiplies every arrival time (not the durations): 0.5 replays a day in 12 hours at twice the rate; 2 stretches it to 48 hours.</summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>Multiplies the number of arrivals: below 1 each arrival is kept with that probability; above 1 each becomes floor(x) or floor(x) + 1 arrivals (x on average).</summary>
    /// <remarks>
    /// Deterministic given <see cref="Seed"/>. For per-minute counts (Azure 2019) the scaled count of a minute with
    /// c invocations is Binomial(c, x) below 1, and c floor(x) + Binomial(c, x - floor(x)) above. For timestamps the
    /// extra copies of an arrival are placed uniformly between it and the function's next arrival.
    /// </remarks>
    public double RateScale { get; init; } = 1;

    /// <summary>How the Azure 2019 trace's per-minute counts are placed within each minute.</summary>
    public WithinBinSpread Spread { get; init; } = WithinBinSpread.Uniform;

    /// <summary>The share of each recorded duration spent on CPU (the rest is IO wait), from 0 to 1; traces record only the total.</summary>
    public double CpuFraction { get; init; }

    /// <summary>Seeds the rate-scaling draws (each function has its own substream, keyed by its id).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Every problem with these options (paths are the property names in camelCase); empty when valid.</summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new ValidationErrors();
        if (TopFunctions is < 1)
        {
            errors.Add("topFunctions", TopFunctions, "must be an integer of at least 1 (or absent for every function)");
        }

        CheckNames("triggers", Triggers, errors);
        CheckNames("functionIds", FunctionIds, errors);
        if (Sample is { } sample && (sample.Modulus < 1 || sample.Keep < 1 || sample.Keep > sample.Modulus))
        {
            errors.Add("sample", $"{sample.Keep} of {sample.Modulus}", "must keep 1 to Modulus of Modulus buckets, with Modulus at least 1");
        }

        errors.CheckRange("timeScale", TimeScale, 0, MaxTimeScale, minExclusive: true);
        errors.CheckRange("rateScale", RateScale, 0, MaxRateScale, minExclusive: true);
        errors.CheckRange("cpuFraction", CpuFraction, 0, 1);
        return errors.All;
    }

    private static void CheckNames(string path, IReadOnlyList<string>? names, ValidationErrors errors)
    {
        if (names is null)
        {
            return;
        }

        if (names.Count == 0)
        {
            errors.Add(path, "[]", "must name at least one (or be absent for all)");
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                errors.Add($"{path}[{i}]", names[i], "must not be empty");
            }
        }
    }
}
