using ServerlessSim.Platform;

namespace ServerlessSim.Policies.Dispatch;

/// <summary>A read-only view of a function's ready instances that have a free slot, grouped by load.</summary>
/// <remarks>
/// Instances are grouped by load (requests in flight on them), each group ordered by recency, so every question
/// here is answered in O(K / 64) without scanning instances. The pool gives the chosen group's most recently used
/// instance: with one request per instance that is the most recently used idle instance, as AWS appears to do,
/// so older instances expire first.
/// </remarks>
public readonly struct DispatchContext
{
    private readonly LoadBuckets _buckets;

    internal DispatchContext(LoadBuckets buckets, double nowSeconds)
    {
        _buckets = buckets;
        NowSeconds = nowSeconds;
    }

    /// <summary>The current simulated time, in seconds.</summary>
    public double NowSeconds { get; }

    /// <summary>K, the most requests one instance serves at once.</summary>
    public int MaxConcurrentPerInstance => _buckets.Capacity;

    /// <summary>How many ready instances serve no request.</summary>
    public int IdleInstances => _buckets.CountAt(0);

    /// <summary>The lowest load (0..K-1) among ready instances with a free slot, or -1 if none has one.</summary>
    public int LowestAvailableLoad => _buckets.LowestNonEmpty();

    /// <summary>The highest load (0..K-1) among ready instances with a free slot, or -1 if none has one.</summary>
    public int HighestAvailableLoad => _buckets.HighestNonEmpty();
}
