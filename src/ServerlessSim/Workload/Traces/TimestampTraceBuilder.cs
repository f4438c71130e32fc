using System.Text;
using ServerlessSim.Randomness;

namespace ServerlessSim.Workload.Traces;

/// <summary>Groups per-invocation rows (Azure 2021, generic CSV) by function, then builds the selected functions' replays.</summary>
/// <remarks>
/// Rows may come in any order: each function's arrival times are sorted when built. Time 0 of the replay is the
/// earliest arrival of any function in the file (before selection), so functions keep their relative timing. Per
/// function the reader holds its arrival times (8 bytes each) and, if the trace has them, its durations; a row's
/// ids are looked up without allocating. Not thread-safe.
/// </remarks>
internal sealed class TimestampTraceBuilder(TraceReplayOptions options)
{
    /// <summary>The most arrivals one function replays once scaled (its times are held in memory: 800 MB).</summary>
    private const double MaxArrivalsPerFunction = 1e8;

    private const char Separator = '\u001F';
    private readonly Dictionary<string, Function> _functions = new(StringComparer.Ordinal);
    private char[] _key = new char[256];
    private double _earliest = double.PositiveInfinity;
    private double _latest = double.NegativeInfinity;

    /// <summary>How many rows were added.</summary>
    public long Rows { get; private set; }

    /// <summary>Adds one invocation of the function <paramref name="id"/> of <paramref name="app"/> (empty if none), arriving at <paramref name="start"/> seconds.</summary>
    public void Add(ReadOnlySpan<byte> app, ReadOnlySpan<byte> id, double start, double? durationSeconds)
    {
        var length = Encoding.UTF8.GetMaxCharCount(app.Length + id.Length) + 1;
        if (_key.Length < length)
        {
            _key = new char[length];
        }

        var appChars = Encoding.UTF8.GetChars(app, _key);
        _key[appChars] = Separator;
        var keyLength = appChars + 1 + Encoding.UTF8.GetChars(id, _key.AsSpan(appChars + 1));
        var lookup = _functions.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(_key.AsSpan(0, keyLength), out var function))
        {
            function = new Function(new string(_key, appChars + 1, keyLength - appChars - 1), appChars == 0 ? null : new string(_key, 0, appChars));
            lookup[_key.AsSpan(0, keyLength)] = function;
        }

        function.Starts.Add(start);
        if (durationSeconds is { } d)
        {
            function.Durations.Add(d);
        }

        _earliest = Math.Min(_earliest, start);
        _latest = Math.Max(_latest, start);
        Rows++;
    }

    /// <summary>The selected functions' replays; problems (nothing kept) go to <paramref name="problems"/>.</summary>
    public TraceWorkload? Build(string format, string source, TraceProblems problems)
    {
        var selection = new TraceSelection<Function>(options);
        foreach (var function in _functions.Values)
        {
            if (selection.Accepts(function.Id, trigger: null))
            {
                selection.Offer(function, function.Id, function.Starts.Count);
            }
        }

        var kept = selection.Kept();
        if (!problems.AnyKept(kept.Count, _functions.Count, source) || !SpanFits(source, problems))
        {
            return null;
        }

        var names = TraceSelection<Function>.UniqueNames(kept.Select(f => (f.Id, f.App)).ToArray());
        var functions = new TraceFunction[kept.Count];
        var last = 0.0;
        for (var i = 0; i < kept.Count; i++)
        {
            var function = kept[i];
            if (function.Starts.Count * options.RateScale > MaxArrivalsPerFunction)
            {
                problems.Add("options.rateScale", options.RateScale.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                    $"makes function {function.Id} replay {function.Starts.Count * options.RateScale:0.###e+0} arrivals; a function replays at most {MaxArrivalsPerFunction:0e+0} (8 bytes each in memory)");
                return null;
            }

            var times = function.Starts.Select(t => (t - _earliest) * options.TimeScale).ToArray();
            Array.Sort(times);
            times = RateScaling.ScaleTimestamps(times, options.RateScale, RateScaling.StreamFor(options, function.Id));
            last = times.Length > 0 ? Math.Max(last, times[^1]) : last;
            var duration = function.Durations.Count > 0 ? EmpiricalDistribution.Resampling(function.Durations) : null;
            functions[i] = new TraceFunction(
                names[i], function.Id, function.App, Trigger: null, MemoryMb: null, TraceArrivals.Own(times),
                duration, duration is null ? null : WorkProfile.FromDuration(duration, options.CpuFraction), times.Length);
        }

        return new TraceWorkload(format, source, functions, Math.Floor(last) + 1, _earliest, _functions.Count, []);
    }

    // The replay's horizon is the span of the timestamps (times the time scale): beyond the longest horizon a
    // scenario may have, the times are probably not in seconds (milliseconds since 1970 span decades).
    private bool SpanFits(string source, TraceProblems problems)
    {
        var span = (_latest - _earliest) * options.TimeScale;
        if (span <= Configuration.ScenarioValidator.MaxHorizonSeconds)
        {
            return true;
        }

        problems.Add(
            source,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"timestamps from {_earliest:R} to {_latest:R} s"),
            $"span more than {Configuration.ValidationErrors.Show(Configuration.ScenarioValidator.MaxHorizonSeconds)} s once scaled, the longest replay; are they in seconds (not milliseconds)?");
        return false;
    }

    private sealed class Function(string id, string? app)
    {
        public string Id { get; } = id;

        public string? App { get; } = app;

        public List<double> Starts { get; } = [];

        public List<double> Durations { get; } = [];
    }
}
