using ServerlessSim.Engine;

namespace ServerlessSim.Policies.Scaling;

/// <summary>
/// Provisioned concurrency: environments initialised in advance, never reclaimed while configured, that take requests
/// before any on-demand environment (spill-over goes on demand). The count follows a schedule of steps, optionally
/// repeated (e.g. daily for a peak).
/// </summary>
/// <remarks>
/// When the count rises, the new environments start initialising at that moment; a request arriving before one is
/// ready goes on demand. When it falls, idle ones go at once, starting ones once ready, busy ones when their request
/// finishes. Billed while configured, in 5-minute steps, under Lambda's billing (docs/cost.md). The requests they
/// serve count towards the account limit and the reserved concurrency as any request does; under a limit on
/// instances they count only while busy. A function's maxInstances caps its on-demand environments; these come on top.
/// </remarks>
/// <param name="Steps">From each step's time on, how many environments are provisioned; before the first, none. Times strictly increasing, the first at or after 0.</param>
/// <param name="RepeatEvery">Repeat the schedule with this period (every step before it), or null to hold the last step.</param>
public sealed record ProvisionedConcurrencyOptions(IReadOnlyList<ProvisionedStep> Steps, SimDuration? RepeatEvery = null)
{
    /// <summary>The same number of environments from time 0 on.</summary>
    public static ProvisionedConcurrencyOptions Constant(int environments) => new([new ProvisionedStep(SimDuration.Zero, environments)]);

    /// <summary>A daily schedule: <paramref name="baseline"/> environments, <paramref name="peak"/> between <paramref name="peakStart"/> and <paramref name="peakEnd"/> of each day (simulated time 0 being midnight).</summary>
    public static ProvisionedConcurrencyOptions Daily(int baseline, int peak, SimDuration peakStart, SimDuration peakEnd) =>
        new([new ProvisionedStep(SimDuration.Zero, baseline), new ProvisionedStep(peakStart, peak), new ProvisionedStep(peakEnd, baseline)], SimDuration.FromSeconds(86_400));

    /// <summary>The most environments the schedule ever provisions.</summary>
    public int MaxEnvironments => Steps.Count == 0 ? 0 : Steps.Max(s => s.Environments);
}

/// <summary>One step of a provisioned-concurrency schedule.</summary>
/// <param name="At">When it takes effect (since the start, or since the start of each repetition).</param>
/// <param name="Environments">How many environments are provisioned from then on (0 or more).</param>
public sealed record ProvisionedStep(SimDuration At, int Environments);
