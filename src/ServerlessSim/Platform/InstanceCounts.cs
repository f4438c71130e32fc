namespace ServerlessSim.Platform;

/// <summary>How many instances a function has, by state.</summary>
/// <param name="Live">Initialising, busy or idle.</param>
/// <param name="Busy">Holding at least one request.</param>
/// <param name="Initializing">Starting.</param>
/// <param name="Active">Busy or initialising: what a limit on instances counts.</param>
internal readonly record struct InstanceCounts(int Live, int Busy, int Initializing, int Active)
{
    /// <summary>The counts of <paramref name="pool"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static InstanceCounts Of(InstancePool pool) => new(pool.Live, pool.Busy, pool.Initializing, pool.Active);

    /// <summary>The counts of two pools together.</summary>
    public static InstanceCounts operator +(InstanceCounts a, InstanceCounts b) =>
        new(a.Live + b.Live, a.Busy + b.Busy, a.Initializing + b.Initializing, a.Active + b.Active);
}
