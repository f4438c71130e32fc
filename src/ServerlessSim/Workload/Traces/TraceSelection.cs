namespace ServerlessSim.Workload.Traces;

/// <summary>Applies a trace's selection options as functions are read: the filters at once, the top-N in a bounded heap.</summary>
/// <remarks>
/// With <see cref="TraceReplayOptions.TopFunctions"/> = N only the N busiest candidates are held at any time (a min-heap on
/// volume), so selecting 100 functions of a 50,000-function day keeps 100 rows of counts in memory, not 50,000.
/// Order: volume descending, then id ascending (ordinal), so ties are broken the same way on every machine.
/// </remarks>
/// <typeparam name="T">What is kept per function.</typeparam>
internal sealed class TraceSelection<T>(TraceReplayOptions options)
{
    private readonly HashSet<string>? _ids = options.FunctionIds is { } ids ? new HashSet<string>(ids, StringComparer.Ordinal) : null;
    private readonly HashSet<string>? _triggers = options.Triggers is { } t ? new HashSet<string>(t, StringComparer.OrdinalIgnoreCase) : null;
    private readonly PriorityQueue<T, (long Volume, string Id)> _kept = new(WorstFirst.Instance);

    /// <summary>Whether a function with this id and trigger passes the filters (ids, triggers, hash sample).</summary>
    public bool Accepts(string id, string? trigger) =>
        (_ids is null || _ids.Contains(id)) &&
        (_triggers is null || (trigger is not null && _triggers.Contains(trigger))) &&
        (options.Sample is null || options.Sample.Contains(id));

    /// <summary>Whether a function with this volume and id would be kept now (so the caller need not copy its data otherwise).</summary>
    public bool WouldKeep(string id, long volume) =>
        options.TopFunctions is not { } n || _kept.Count < n ||
        (_kept.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((volume, id), worst) > 0);

    /// <summary>Offers a function that passed the filters; it is kept if it is among the busiest <see cref="TraceReplayOptions.TopFunctions"/> so far.</summary>
    public void Offer(T item, string id, long volume)
    {
        _kept.Enqueue(item, (volume, id));
        if (options.TopFunctions is { } n && _kept.Count > n)
        {
            _kept.Dequeue();
        }
    }

    /// <summary>The kept functions, busiest first.</summary>
    public IReadOnlyList<T> Kept()
    {
        var kept = new List<(T Item, (long Volume, string Id) Rank)>(_kept.UnorderedItems);
        kept.Sort((a, b) => WorstFirst.Instance.Compare(b.Rank, a.Rank));
        return kept.Select(k => k.Item).ToArray();
    }

    /// <summary>Names unique within a workload: the id, or app/id for ids that more than one kept function has.</summary>
    public static string[] UniqueNames(IReadOnlyList<(string Id, string? App)> functions)
    {
        var repeated = functions.GroupBy(f => f.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return functions.Select(f => repeated.Contains(f.Id) ? $"{f.App}/{f.Id}" : f.Id).ToArray();
    }

    // Smaller volume first; on equal volume the larger id first, so the smallest id survives a cut.
    private sealed class WorstFirst : IComparer<(long Volume, string Id)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((long Volume, string Id) x, (long Volume, string Id) y)
        {
            var byVolume = x.Volume.CompareTo(y.Volume);
            return byVolume != 0 ? byVolume : string.CompareOrdinal(y.Id, x.Id);
        }
    }
}
