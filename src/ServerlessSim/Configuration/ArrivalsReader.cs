using System.Text.Json;
using ServerlessSim.Workload;

namespace ServerlessSim.Configuration;

/// <summary>Reads <c>function.arrivals</c> of a scenario file: a process and either one rate or a rate schedule.</summary>
/// <remarks>The schedule is checked here (first start 0 s, starts increasing, rates in range) so <see cref="ArrivalProcess"/>'s constructor never throws.</remarks>
internal static class ArrivalsReader
{
    /// <summary>The fields of <c>function.arrivals</c>.</summary>
    public static readonly string[] Fields = ["process", "ratePerSecond", "rateSchedule"];

    private static readonly string[] SegmentFields = ["startSeconds", "ratePerSecond"];

    private static readonly (string Name, ArrivalKind Value)[] Processes =
    [
        ("poisson", ArrivalKind.Poisson),
        ("constant", ArrivalKind.Constant),
    ];

    private static readonly NumberRange Rate = new(0, ScenarioValidator.MaxRatePerSecond, Unit: "requests per second");
    private static readonly NumberRange Start = new(0, ScenarioValidator.MaxHorizonSeconds, Unit: "seconds");

    /// <summary>The arrivals at <paramref name="path"/>, or null (with errors) if anything about them is invalid.</summary>
    public static ArrivalProcess? Read(JsonElement element, string path, ValidationErrors errors)
    {
        if (JsonObjectReader.Open(element, path, Fields, errors) is not { } reader)
        {
            return null;
        }

        var before = errors.All.Count;
        var kind = reader.Choice("process", Processes) ?? ArrivalKind.Poisson;
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

        return errors.All.Count == before && schedule is not null ? new ArrivalProcess(kind, schedule) : null;
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
                var start = segment.Number("startSeconds", Start, required: true);
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
