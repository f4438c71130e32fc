using ServerlessSim.Engine;
using ServerlessSim.Randomness;

namespace ServerlessSim.Policies.KeepAlive;

/// <summary>
/// When an idle environment is reclaimed under per-request scaling: after a random idle lifetime
/// (<see cref="IdleLifetimeKeepAlive"/>) or by the hybrid histogram policy (<see cref="HybridHistogramKeepAlive"/>).
/// Without one, after the function's fixed keep-alive.
/// </summary>
public abstract record KeepAliveOptions
{
    private protected KeepAliveOptions()
    {
    }

    /// <summary>A short name for reports.</summary>
    public abstract string Kind { get; }
}

/// <summary>Each idle period of an environment lasts at most a draw of <see cref="IdleLifetime"/> (seconds): unused by then, it is reclaimed.</summary>
/// <remarks>
/// Lambda documents no keep-alive; measurements disagree (about 10 minutes in 2024, 5-7 minutes in 2020/21, 45-60
/// minutes in 2017), so a distribution fitted to a measurement is closer than any constant.
/// </remarks>
/// <param name="IdleLifetime">How long an idle environment survives, in seconds.</param>
public sealed record IdleLifetimeKeepAlive(IDistribution IdleLifetime) : KeepAliveOptions
{
    /// <summary>
    /// Fitted to Mikhail Shilkov's measurement of AWS Lambda (2020/21): the chance that a request after t idle minutes
    /// is cold is 0 up to 3, 0.3% at 4 and 5, 40.6% at 6 and 100% from 7 (../shared/data/traces/aws-lambda-coldstart-shilkov,
    /// summary/coldstart_aws_interval.json, MIT licence, mikhail.io/serverless/coldstarts/aws/). That chance is the idle
    /// lifetime's distribution function. The fit passes through (3 min, 0), (5 min, 0.3%), (6 min, 40.6%) and
    /// (7 min, 100%) and is linear between them (so 0.15% at 4 minutes).
    /// </summary>
    public static IdleLifetimeKeepAlive MeasuredAwsLambda2021 { get; } = new(EmpiricalDistribution.FromPercentiles(
    [
        (0, 180), (0.30303, 300), (40.60606, 360), (100, 420),
    ]));

    /// <inheritdoc />
    public override string Kind => "idleLifetime";
}

/// <summary>
/// The hybrid histogram policy of Shahrad et al., "Serverless in the Wild" (USENIX ATC 2020), per function: a
/// histogram of the function's idle times (<see cref="BinWidth"/> bins up to <see cref="Range"/>) sets a pre-warm
/// window (the <see cref="HeadPercentile"/>th percentile, less a margin) and a keep-alive window (up to the
/// <see cref="TailPercentile"/>th, plus a margin).
/// </summary>
/// <remarks>
/// When the function goes idle (its last request finishes): with a pre-warm window of 0 its environments stay
/// alive for the keep-alive window; otherwise they are unloaded at once and as many are initialised again when the
/// pre-warm window ends, then kept for the keep-alive window. An environment that goes idle while others still run
/// waits for the function to go idle. Until the histogram is representative (at least <see cref="MinObservations"/>
/// idle times, and a coefficient of variation of its bin counts of at least <see cref="MinCoefficientOfVariation"/>),
/// or when most idle times fall beyond the range, the policy keeps environments for <see cref="FallbackKeepAlive"/>
/// (the paper predicts those with ARIMA; not modelled). Idle time here is the function's: from the end of its last
/// request to its next arrival (the paper's unit is the application); an environment that goes idle while the
/// function is busy is kept for the whole window (pre-warm plus keep-alive). E.g. idle times all in the 30th minute:
/// head 30 min, tail 31 min; pre-warm after 27 min and keep until 31 x 1.1 = 34.1 min: about 7 minutes of idle
/// memory per gap, against 30 under a fixed keep-alive long enough to avoid the cold start.
/// </remarks>
/// <param name="BinWidth">The histogram's bin (1 minute).</param>
/// <param name="Range">The idle times it holds (4 hours); longer ones are out of bounds.</param>
/// <param name="HeadPercentile">The percentile that sets the pre-warm window (5).</param>
/// <param name="TailPercentile">The percentile that sets the keep-alive window (99).</param>
/// <param name="Margin">The fraction taken off the head and added to the tail (0.1).</param>
/// <param name="MinCoefficientOfVariation">The bin counts' coefficient of variation below which the histogram is not representative (2).</param>
/// <param name="MinObservations">Idle times needed before the histogram is used (10).</param>
/// <param name="FallbackKeepAlive">The keep-alive while the histogram is not representative (the range, 4 hours).</param>
/// <param name="MaxOutOfBoundsFraction">The share of idle times beyond the range above which the histogram is not used (0.5).</param>
public sealed record HybridHistogramKeepAlive(
    SimDuration BinWidth,
    SimDuration Range,
    double HeadPercentile = 5,
    double TailPercentile = 99,
    double Margin = 0.1,
    double MinCoefficientOfVariation = 2,
    int MinObservations = 10,
    SimDuration? FallbackKeepAlive = null,
    double MaxOutOfBoundsFraction = 0.5) : KeepAliveOptions
{
    /// <summary>The paper's settings: 1-minute bins over 4 hours, 5th and 99th percentiles, 10% margins, CV threshold 2.</summary>
    public static HybridHistogramKeepAlive Paper { get; } = new(SimDuration.FromMinutes(1), SimDuration.FromMinutes(240));

    /// <summary>The fallback keep-alive, defaults applied (the range).</summary>
    public SimDuration EffectiveFallbackKeepAlive => FallbackKeepAlive ?? Range;

    /// <inheritdoc />
    public override string Kind => "hybridHistogram";
}
