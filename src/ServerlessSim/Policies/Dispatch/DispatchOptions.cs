namespace ServerlessSim.Policies.Dispatch;

/// <summary>Which ready instance gets the next request.</summary>
public enum DispatchKind
{
    /// <summary>The instance with the fewest requests in flight (an idle one before a busy one); ties to the most recently used.</summary>
    LeastLoaded,

    /// <summary>The busiest instance with a free slot, idle ones last, so that spare instances go idle and expire.</summary>
    Packing,
}

/// <summary>Options of the dispatch policy.</summary>
/// <param name="Kind">The rule; with one request per instance every rule picks the most recently used idle instance.</param>
public sealed record DispatchOptions(DispatchKind Kind = DispatchKind.LeastLoaded);
