using ServerlessSim.Randomness;

namespace ServerlessSim.Policies.Contention;

/// <summary>How requests sharing an instance slow each other down.</summary>
public enum ContentionKind
{
    /// <summary>
    /// Processor sharing over the instance's vCPUs: with c vCPUs and n requests in their CPU phase, each computes at
    /// min(1, c / n) CPU-seconds per second; IO waits overlap freely.
    /// </summary>
    ProcessorSharing,

    /// <summary>
    /// The interference model of the Knative performance-modelling literature: with k requests in flight on an
    /// instance, each request's whole service (its CPU demand at the instance's speed plus its IO wait) progresses at
    /// 1 / (1 + (k - 1) alpha), so the instance completes k / (1 + (k - 1) alpha) times as much work as one request
    /// alone. E.g. alpha = 0.1, k = 10: each at 1 / 1.9 = 0.53, together 5.3x; never more than 1 / alpha = 10x.
    /// </summary>
    Interference,
}

/// <summary>How requests sharing an instance contend: for CPU (or by the interference model), and for memory.</summary>
/// <param name="Kind">The CPU contention model.</param>
/// <param name="InterferenceAlpha">With <see cref="ContentionKind.Interference"/>, alpha: the slowdown each extra request adds (about 0.1 measured).</param>
/// <param name="Memory">A per-instance memory limit that in-flight requests fill; null for none.</param>
public sealed record ContentionOptions(
    ContentionKind Kind = ContentionKind.ProcessorSharing,
    double InterferenceAlpha = ContentionOptions.DefaultInterferenceAlpha,
    MemoryLimitOptions? Memory = null)
{
    /// <summary>The alpha measured for Knative services (about 0.1).</summary>
    public const double DefaultInterferenceAlpha = 0.1;

    /// <summary>Processor sharing with no memory limit: the default.</summary>
    public static ContentionOptions ProcessorSharing { get; } = new();

    /// <summary>The interference model with <paramref name="alpha"/>.</summary>
    public static ContentionOptions Interference(double alpha = DefaultInterferenceAlpha) => new(ContentionKind.Interference, alpha);
}

/// <summary>
/// An instance's memory limit: the runtime holds <see cref="BaseMb"/> and each executing request holds its own draw
/// of <see cref="PerRequestMb"/>; a request that would take the instance past <see cref="LimitMb"/> makes it fail (out
/// of memory), and every request on it fails with it.
/// </summary>
/// <param name="PerRequestMb">Memory each executing request holds, in MB (drawn per request from its own substream).</param>
/// <param name="BaseMb">Memory the instance holds with no request, in MB.</param>
/// <param name="LimitMb">The instance's limit in MB; null for the function's memory.</param>
public sealed record MemoryLimitOptions(IDistribution PerRequestMb, double BaseMb = 0, double? LimitMb = null);
