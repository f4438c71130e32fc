namespace ServerlessSim.Policies.Dispatch;

/// <summary>Which ready instance gets the next request.</summary>
public enum DispatchKind
{
    /// <summary>The instance with the fewest requests in flight (an idle one before a busy one); ties to the most recently used.</summary>
    LeastLoaded,

    /// <summary>The busiest instance with a free slot, idle ones last, so that spare instances go idle and expire.</summary>
    Packing,

    /// <summary>
    /// Two instances drawn at random (seeded), the less loaded of them (the first drawn on a tie): nearly as balanced
    /// as least loaded with a router that sees only two instances. Autoscaled platforms only.
    /// </summary>
    PowerOfTwoChoices,

    /// <summary>The lowest-numbered instance with a free slot: fills instances in a fixed order (the oldest slots first). Autoscaled platforms only.</summary>
    FirstAvailable,

    /// <summary>The next instance with a free slot after the one that served the previous request, in slot order. Autoscaled platforms only.</summary>
    RoundRobin,

    /// <summary>A policy written in C# (see <see cref="DispatchOptions.Custom"/> and docs/extending.md).</summary>
    Custom,
}

/// <summary>Options of the dispatch policy.</summary>
/// <param name="Kind">The rule; with one request per instance every rule picks the most recently used idle instance.</param>
public sealed record DispatchOptions(DispatchKind Kind = DispatchKind.LeastLoaded)
{
    /// <summary>The policy that decides when <see cref="Kind"/> is <see cref="DispatchKind.Custom"/>; null otherwise.</summary>
    public IDispatchPolicy? Policy { get; init; }

    /// <summary>Options that dispatch with <paramref name="policy"/>, a policy written in C#.</summary>
    /// <remarks>One instance serves every run of the scenario, replications in parallel included, so it must be thread-safe (best: immutable).</remarks>
    public static DispatchOptions Custom(IDispatchPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new DispatchOptions(DispatchKind.Custom) { Policy = policy };
    }

    /// <summary>Whether the rule picks an instance rather than a load group, which only autoscaled platforms show.</summary>
    public bool NeedsInstanceView => Kind is DispatchKind.PowerOfTwoChoices or DispatchKind.FirstAvailable or DispatchKind.RoundRobin;
}
