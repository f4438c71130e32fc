namespace ServerlessSim.Experiments;

/// <summary>Run replications until a metric's 95% confidence half-width is small relative to its mean, for every policy.</summary>
/// <remarks>
/// Replications run in batches of a fixed size; after each batch the target is checked and the experiment stops as
/// soon as every policy meets it, or at <see cref="MaxReplications"/>. Batch sizes never depend on the number of
/// threads, so neither does the result. E.g. a p99 of 620 ms with a half-width of 11 ms is at 1.8%, inside a 2%
/// target; were it 15 ms (2.4%), another batch would run.
/// </remarks>
/// <param name="Metric">The metric, named as in the results document (e.g. <c>latencyMs.p99</c>).</param>
/// <param name="RelativeHalfWidth">The target: half-width / |mean| at most this (a fraction, e.g. 0.02 for 2%); in (0, 1].</param>
/// <param name="MinReplications">Replications before the first check (2..10,000).</param>
/// <param name="MaxReplications">The most replications; the experiment stops here, target met or not (at least <paramref name="MinReplications"/>, at most 10,000).</param>
/// <param name="BatchReplications">Replications added between checks (1..10,000); null for <paramref name="MinReplications"/>.</param>
public sealed record PrecisionTarget(
    string Metric,
    double RelativeHalfWidth,
    int MinReplications = PrecisionTarget.DefaultMinReplications,
    int MaxReplications = PrecisionTarget.DefaultMaxReplications,
    int? BatchReplications = null)
{
    /// <summary>The default of <see cref="MinReplications"/>.</summary>
    public const int DefaultMinReplications = 5;

    /// <summary>The default of <see cref="MaxReplications"/>.</summary>
    public const int DefaultMaxReplications = 100;

    /// <summary>Replications added between checks, defaults applied.</summary>
    public int EffectiveBatchReplications => BatchReplications ?? MinReplications;

    /// <summary>Whether <paramref name="metric"/> meets the target: half-width / |mean| at most the target; a mean of 0 meets it only with a half-width of 0.</summary>
    public bool IsMetBy(AggregatedMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return RelativeHalfWidthOf(metric) <= RelativeHalfWidth;
    }

    /// <summary>half-width / |mean| of <paramref name="metric"/>: 0 when the half-width is 0, +infinity with one replication or a mean of 0.</summary>
    public static double RelativeHalfWidthOf(AggregatedMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.HalfWidth95 switch
        {
            null => double.PositiveInfinity,
            0 => 0,
            _ when metric.Mean == 0 => double.PositiveInfinity,
            { } h => h / Math.Abs(metric.Mean),
        };
    }
}
