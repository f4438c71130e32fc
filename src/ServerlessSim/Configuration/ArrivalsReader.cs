using System.Text.Json;
using ServerlessSim.Workload;

namespace ServerlessSim.Configuration;

/// <summary>Reads <c>function.arrivals</c> of a scenario file: a <c>process</c> and that process's fields (docs/scenario-format.md, docs/workloads.md).</summary>
/// <remarks>
/// The process is read first, so only its own fields are accepted (a field of another process is reported, with
/// a suggestion when one is close). Every parameter is checked here (ranges, cross-field rules such as a schedule's
/// first start at 0 s or a sinusoid's amplitude at most its mean) so no <see cref="ArrivalProcess"/> constructor throws.
/// </remarks>
internal static class ArrivalsReader
{
    private static readonly string[] SegmentFields = ["startSeconds", "ratePerSecond"];

    private static readonly (string Name, ArrivalProcessType Value)[] Processes =
    [
        ("poisson", ArrivalProcessType.Poisson),
        ("constant", ArrivalProcessType.Constant),
        ("sinusoidal", ArrivalProcessType.Sinusoidal),
        ("hourlyProfile", ArrivalProcessType.HourlyProfile),
        ("onOff", ArrivalProcessType.OnOff),
        ("markovModulated", ArrivalProcessType.MarkovModulated),
        ("superposition", ArrivalProcessType.Superposition),
        ("trace", ArrivalProcessType.Trace),
        ("binnedCounts", ArrivalProcessType.BinnedCounts),
    ];

    /// <summary>Arrival rates accepted anywhere, in requests per second.</summary>
    public static readonly NumberRange Rate = new(0, ScenarioValidator.MaxRatePerSecond, Unit: "requests per second");

    /// <summary>Points in time accepted anywhere, in seconds from the start of the run.</summary>
    public static readonly NumberRange Time = new(0, ScenarioValidator.MaxHorizonSeconds, Unit: "seconds");

    /// <summary>Lengths of time accepted anywhere (periods, sojourns, bins), in seconds.</summary>
    public static readonly NumberRange Length = new(0, ScenarioValidator.MaxHorizonSeconds, MinExclusive: true, Unit: "seconds");

    private enum ArrivalProcessType
    {
        Poisson,
        Constant,
        Sinusoidal,
        HourlyProfile,
        OnOff,
        MarkovModulated,
        Superposition,
        Trace,
        BinnedCounts,
    }

    /// <summary>The arrivals at <paramref name="path"/>, or null (with errors) if anything about them is invalid.</summary>
    public static ArrivalProcess? Read(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            JsonObjectReader.Open(element, path, FieldsOf(ArrivalProcessType.Poisson), errors);
            return null;
        }

        var before = errors.All.Count;
        ArrivalProcessType? type = ArrivalProcessType.Poisson;
        if (element.TryGetProperty("process", out var processElement) && processElement.ValueKind != JsonValueKind.Null)
        {
            type = JsonValueReader.Choice(processElement, path + ".process", Processes, errors);
        }

        var reader = JsonObjectReader.Open(element, path, FieldsOf(type), errors)!;
        ArrivalProcess? process = type switch
        {
            ArrivalProcessType.Poisson => ReadRate(reader, ArrivalKind.Poisson, errors),
            ArrivalProcessType.Constant => ReadRate(reader, ArrivalKind.Constant, errors),
            ArrivalProcessType.Sinusoidal => DiurnalArrivalsReader.ReadSinusoidal(reader, errors),
            ArrivalProcessType.HourlyProfile => DiurnalArrivalsReader.ReadHourlyProfile(reader, errors),
            ArrivalProcessType.OnOff => MarkovArrivalsReader.ReadOnOff(reader),
            ArrivalProcessType.MarkovModulated => MarkovArrivalsReader.ReadMarkovModulated(reader, errors),
            ArrivalProcessType.Superposition => ReadSuperposition(reader, errors),
            ArrivalProcessType.Trace => ReadTrace(reader, errors),
            ArrivalProcessType.BinnedCounts => ReadBinnedCounts(reader, errors),
            _ => null,
        };
        return errors.All.Count == before ? process : null;
    }

    private static string[] FieldsOf(ArrivalProcessType? type) => type switch
    {
        ArrivalProcessType.Poisson or ArrivalProcessType.Constant => ["process", "ratePerSecond", "rateSchedule"],
        ArrivalProcessType.Sinusoidal => ["process", "meanRatePerSecond", "amplitudeRatePerSecond", "periodSeconds", "peakSeconds"],
        ArrivalProcessType.HourlyProfile => ["process", "hourlyRatesPerSecond", "interpolation"],
        ArrivalProcessType.OnOff => ["process", "onRatePerSecond", "meanOnSeconds", "meanOffSeconds", "offRatePerSecond"],
        ArrivalProcessType.MarkovModulated => ["process", "states", "ratesPerSecond", "transitionRatesPerSecond"],
        ArrivalProcessType.Superposition => ["process", "components"],
        ArrivalProcessType.Trace => ["process", "timestampsSeconds"],
        ArrivalProcessType.BinnedCounts => ["process", "counts", "binSeconds", "spread"],
        _ => Processes.SelectMany(p => FieldsOf(p.Value)).Distinct().ToArray(),
    };

    private static RateScheduleArrivals? ReadRate(JsonObjectReader reader, ArrivalKind kind, ValidationErrors errors)
    {
        RateSegment[]? schedule = null;
        if (reader.Number("ratePerSecond", Rate) is { } rate)
        {
            schedule = [new RateSegment(0, rate)];
        }

        if (reader.Get("rateSchedule") is { } scheduleElement)
        {
            schedule = ReadSchedule(scheduleElement, reader.PathOf("rateSchedule"), errors);
            if (reader.Has("ratePerSecond"))
            {
                errors.AddShown(reader.PathOf("rateSchedule"), JsonValueReader.Raw(scheduleElement), "cannot be given with ratePerSecond; give one or the other");
            }
        }
        else if (!reader.Has("ratePerSecond"))
        {
            errors.AddShown(reader.PathOf("ratePerSecond"), ValidationErrors.Show(null), "is required unless rateSchedule is given");
        }

        return schedule is null ? null : new RateScheduleArrivals(kind, schedule);
    }

    private static SuperposedArrivals? ReadSuperposition(JsonObjectReader reader, ValidationErrors errors)
    {
        if (reader.Get("components", required: true, "give an array of arrivals objects") is not { } element)
        {
            return null;
        }

        var path = reader.PathOf("components");
        if (!JsonArrayReader.IsArrayOfLength(element, path, errors, null, "arrivals objects (each with its own \"process\")"))
        {
            return null;
        }

        var components = element.EnumerateArray().Select((item, i) => Read(item, $"{path}[{i}]", errors)).ToArray();
        return components.All(c => c is not null) ? new SuperposedArrivals(components!) : null;
    }

    private static TraceArrivals? ReadTrace(JsonObjectReader reader, ValidationErrors errors) =>
        reader.Get("timestampsSeconds", required: true, "give an array of arrival times in seconds") is { } element &&
        JsonArrayReader.Numbers(element, reader.PathOf("timestampsSeconds"), Time, errors) is { } times
            ? ArrivalProcess.FromTimestamps(times)
            : null;

    private static BinnedCountArrivals? ReadBinnedCounts(JsonObjectReader reader, ValidationErrors errors)
    {
        (string Name, WithinBinSpread Value)[] spreads =
            [("uniform", WithinBinSpread.Uniform), ("evenlySpaced", WithinBinSpread.EvenlySpaced), ("poisson", WithinBinSpread.Poisson)];
        var counts = reader.Get("counts", required: true, "give an array of arrival counts, one per bin") is { } element
            ? JsonArrayReader.Integers(element, reader.PathOf("counts"), 0, int.MaxValue, errors)
            : null;
        var binSeconds = reader.Number("binSeconds", Length) ?? 60;
        var spread = reader.Choice("spread", spreads) ?? WithinBinSpread.Uniform;
        return counts is null ? null : new BinnedCountArrivals(counts, binSeconds, spread);
    }

    private static RateSegment[]? ReadSchedule(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            errors.AddShown(path, JsonValueReader.Raw(element), "must be a non-empty array of {\"startSeconds\", \"ratePerSecond\"} segments");
            return null;
        }

        var before = errors.All.Count;
        var segments = new List<RateSegment>();
        double? previousStart = null;
        string? previousShown = null;
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = $"{path}[{index}]";
            if (JsonObjectReader.Open(item, itemPath, SegmentFields, errors) is { } segment)
            {
                var start = segment.Number("startSeconds", Time, required: true);
                var rate = segment.Number("ratePerSecond", Rate, required: true);
                if (start is { } s)
                {
                    var shown = JsonValueReader.Raw(segment.Get("startSeconds")!.Value);
                    if (index == 0 && s != 0)
                    {
                        errors.AddShown(segment.PathOf("startSeconds"), shown, "must be 0: the first segment starts the run");
                    }
                    else if (previousStart is { } p && !(s > p))
                    {
                        errors.AddShown(segment.PathOf("startSeconds"), shown, $"must be greater than the previous segment's start ({previousShown}); starts must strictly increase");
                    }

                    previousStart = s;
                    previousShown = shown;
                }

                if (start is not null && rate is not null)
                {
                    segments.Add(new RateSegment(start.Value, rate.Value));
                }
            }

            index++;
        }

        return errors.All.Count == before ? segments.ToArray() : null;
    }
}
