using ServerlessSim.Platform;
using ServerlessSim.Randomness;

namespace ServerlessSim.Policies.Dispatch;

/// <summary>A read-only view of a function's ready instances that have a free slot, grouped by load and, on autoscaled platforms, one by one.</summary>
/// <remarks>
/// Instances are grouped by load (requests in flight on them), each group ordered by recency, so every question
/// about groups is answered in O(K / 64) without scanning instances. The pool gives the chosen group's most recently
/// used instance: with one request per instance that is the most recently used idle instance, as AWS appears to do,
/// so older instances expire first. Autoscaled platforms (<see cref="HasInstanceView"/>) also show the instances
/// themselves, by slot number, for rules that pick an instance rather than a group (first available, round robin,
/// power of two choices); per-request (Lambda-style) scaling shows groups only.
/// </remarks>
public readonly struct DispatchContext
{
    private readonly LoadBuckets _buckets;
    private readonly InstancePool? _pool;
    private readonly AvailableInstances? _available;
    private readonly RandomStream? _random;

    internal DispatchContext(LoadBuckets buckets, double nowSeconds)
    {
        _buckets = buckets;
        NowSeconds = nowSeconds;
        LastChosenInstance = -1;
    }

    internal DispatchContext(InstancePool pool, AvailableInstances available, RandomStream random, int lastChosenInstance, double nowSeconds)
    {
        _buckets = pool.Ready;
        _pool = pool;
        _available = available;
        _random = random;
        LastChosenInstance = lastChosenInstance;
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

    /// <summary>The most recently used instance of load <paramref name="load"/> (which must have one), by slot number.</summary>
    public int MostRecentAtLoad(int load) => _buckets.Head(load);

    /// <summary>Whether the instances are shown one by one (autoscaled platforms); if not, only the load groups are.</summary>
    public bool HasInstanceView => _available is not null;

    /// <summary>How many instances can take a request now.</summary>
    /// <exception cref="InvalidOperationException">No instance view (per-request scaling).</exception>
    public int AvailableInstanceCount => View.Count;

    /// <summary>The <paramref name="index"/>-th instance (0..<see cref="AvailableInstanceCount"/>-1) that can take a request, in a deterministic order.</summary>
    public int AvailableInstanceAt(int index) => View.At(index);

    /// <summary>The lowest-numbered instance that can take a request, or -1.</summary>
    public int FirstAvailableInstance => View.NextFrom(0);

    /// <summary>The next instance after slot <paramref name="instance"/> that can take a request, wrapping round; -1 if none can.</summary>
    public int NextAvailableInstanceAfter(int instance) => View.NextAfter(instance);

    /// <summary>The instance that served the previous request dispatched to a ready instance, or -1 before the first.</summary>
    public int LastChosenInstance { get; }

    /// <summary>Requests in flight on <paramref name="instance"/>.</summary>
    public int LoadOf(int instance) => (_pool ?? throw NoView()).LoadOf(instance);

    /// <summary>A uniform draw in 0..<paramref name="exclusiveMax"/>-1 from the run's dispatch substream (seeded, so runs repeat).</summary>
    public int NextRandom(int exclusiveMax) => (_random ?? throw NoView()).Next(exclusiveMax);

    private AvailableInstances View => _available ?? throw NoView();

    private static InvalidOperationException NoView() => new(
        "This platform shows load groups only (per-request scaling): choose leastLoaded or packing, or an autoscaled platform.");
}
