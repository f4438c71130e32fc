using ServerlessSim.Engine;
using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>When the requests of one function arrive: an immutable description that makes one arrival stream per run.</summary>
/// <remarks>
/// <para>
/// The processes, each with a factory here: a constant rate or a piecewise-constant rate schedule, Poisson or
/// evenly spaced (<see cref="Poisson"/>, <see cref="Constant"/>, <see cref="Scheduled"/>, <see cref="Spike"/>:
/// <see cref="RateScheduleArrivals"/>); a diurnal non-homogeneous Poisson process drawn by thinning
/// (<see cref="Sinusoidal"/>, <see cref="HourlyProfile"/>); bursty Markov-modulated Poisson
/// (<see cref="OnOff"/>, <see cref="MarkovModulated"/>); the merge of several processes (<see cref="Superpose"/>);
/// and replayed traces (<see cref="FromTimestamps"/>, <see cref="FromBinnedCounts"/>). docs/workloads.md gives
/// each one's formula and JSON.
/// </para>
/// <para>
/// A process is immutable and thread-safe, shared by every run and replication; <see cref="CreateStream"/> makes
/// the per-run state, drawing only from the run's arrival substream, so the same seed gives the same arrivals.
/// </para>
/// </remarks>
public abstract record ArrivalProcess
{
    /// <summary>The name of the process in scenario files and results, e.g. <c>poisson</c> or <c>markovModulated</c>.</summary>
    public abstract string ProcessName { get; }

    /// <summary>Poisson arrivals at a constant rate, in requests per second.</summary>
    public static RateScheduleArrivals Poisson(double ratePerSecond) => new(ArrivalKind.Poisson, [new RateSegment(0, ratePerSecond)]);

    /// <summary>Evenly spaced arrivals at a constant rate, in requests per second (the first at 1/rate seconds).</summary>
    public static RateScheduleArrivals Constant(double ratePerSecond) => new(ArrivalKind.Constant, [new RateSegment(0, ratePerSecond)]);

    /// <summary>Arrivals of <paramref name="kind"/> following a piecewise-constant rate schedule (steps).</summary>
    /// <param name="kind">Poisson or evenly spaced.</param>
    /// <param name="schedule">Segments sorted by start, the first at 0 s.</param>
    /// <exception cref="ArgumentException">See <see cref="RateScheduleArrivals"/>.</exception>
    public static RateScheduleArrivals Scheduled(ArrivalKind kind, IReadOnlyList<RateSegment> schedule) => new(kind, schedule);

    /// <summary>A steady rate with one spike: <paramref name="baseRatePerSecond"/>, then <paramref name="spikeRatePerSecond"/> for <paramref name="spikeDuration"/> from <paramref name="spikeStart"/>, then the base rate again.</summary>
    /// <remarks>E.g. Spike(1000, 8000, 300 s, 60 s) is the built-in scenario's schedule: 1,000 req/s, 8,000 from 300 s to 360 s.</remarks>
    /// <exception cref="ArgumentException">A negative or non-finite rate, a spike not starting after 0 s, or a non-positive spike duration.</exception>
    public static RateScheduleArrivals Spike(
        double baseRatePerSecond, double spikeRatePerSecond, SimDuration spikeStart, SimDuration spikeDuration, ArrivalKind kind = ArrivalKind.Poisson)
    {
        if (!(spikeDuration.Seconds > 0))
        {
            throw new ArgumentException($"The spike lasts {spikeDuration}; it must last more than 0 s.", nameof(spikeDuration));
        }

        return new RateScheduleArrivals(kind, [
            new RateSegment(0, baseRatePerSecond),
            new RateSegment(spikeStart.Seconds, spikeRatePerSecond),
            new RateSegment(spikeStart.Seconds + spikeDuration.Seconds, baseRatePerSecond),
        ]);
    }

    /// <summary>A daily (or any period) cycle: Poisson with rate mean + amplitude x cos(2 pi (t - peak) / period), drawn by thinning.</summary>
    /// <param name="meanRatePerSecond">The mean rate over a period, in requests per second.</param>
    /// <param name="amplitudeRatePerSecond">How far the rate swings above and below the mean, in requests per second (at most the mean).</param>
    /// <param name="period">The length of one cycle; null for a day (86,400 s).</param>
    /// <param name="peak">When the rate is highest, from the start of the run; null for 0 s.</param>
    /// <exception cref="ArgumentException">See <see cref="SinusoidalArrivals"/>.</exception>
    public static SinusoidalArrivals Sinusoidal(double meanRatePerSecond, double amplitudeRatePerSecond, SimDuration? period = null, SimDuration? peak = null) =>
        new(meanRatePerSecond, amplitudeRatePerSecond, (period ?? SimDuration.FromSeconds(SinusoidalArrivals.DaySeconds)).Seconds, peak?.Seconds ?? 0);

    /// <summary>A daily cycle from 24 hourly rates (hour 0 starts the run), repeating every day, drawn by thinning.</summary>
    /// <param name="hourlyRatesPerSecond">The rate of each hour of the day, in requests per second.</param>
    /// <param name="interpolation">A step per hour, or linear between the middles of consecutive hours.</param>
    /// <exception cref="ArgumentException">See <see cref="HourlyProfileArrivals"/>.</exception>
    public static HourlyProfileArrivals HourlyProfile(IReadOnlyList<double> hourlyRatesPerSecond, ProfileInterpolation interpolation = ProfileInterpolation.Step) =>
        new(hourlyRatesPerSecond, interpolation);

    /// <summary>Bursts: Poisson at <paramref name="onRatePerSecond"/> during on periods and <paramref name="offRatePerSecond"/> during off periods, both exponentially long.</summary>
    /// <param name="onRatePerSecond">The rate while on, in requests per second.</param>
    /// <param name="meanOn">The mean length of an on period.</param>
    /// <param name="meanOff">The mean length of an off period.</param>
    /// <param name="offRatePerSecond">The rate while off, in requests per second (0 for silence).</param>
    /// <exception cref="ArgumentException">See <see cref="MarkovModulatedArrivals"/>.</exception>
    public static MarkovModulatedArrivals OnOff(double onRatePerSecond, SimDuration meanOn, SimDuration meanOff, double offRatePerSecond = 0) =>
        MarkovModulatedArrivals.FromSojourns(
            [onRatePerSecond, offRatePerSecond],
            [meanOn.Seconds, meanOff.Seconds],
            [[0, 1], [1, 0]]);

    /// <summary>A Markov-modulated Poisson process: Poisson at the rate of the current state of a continuous-time Markov chain.</summary>
    /// <param name="ratesPerSecond">The arrival rate in each state, in requests per second.</param>
    /// <param name="transitionRatesPerSecond">The generator: entry [i][j] (i != j) is the rate of jumping from state i to j, per second; diagonal entries are ignored.</param>
    /// <exception cref="ArgumentException">See <see cref="MarkovModulatedArrivals"/>.</exception>
    public static MarkovModulatedArrivals MarkovModulated(IReadOnlyList<double> ratesPerSecond, IReadOnlyList<IReadOnlyList<double>> transitionRatesPerSecond) =>
        new(ratesPerSecond, transitionRatesPerSecond);

    /// <summary>The merge of independent processes: every arrival of every component, in time order.</summary>
    /// <exception cref="ArgumentException">No components.</exception>
    public static SuperposedArrivals Superpose(params IReadOnlyList<ArrivalProcess> components) => new(components);

    /// <summary>Replays arrival times in seconds from the start of the run (sorted here; each finite and non-negative).</summary>
    /// <exception cref="ArgumentException">A negative or non-finite time.</exception>
    public static TraceArrivals FromTimestamps(IReadOnlyList<double> timestampsSeconds)
    {
        ArgumentNullException.ThrowIfNull(timestampsSeconds);
        var sorted = timestampsSeconds.ToArray();
        Array.Sort(sorted);
        return TraceArrivals.Own(sorted);
    }

    /// <summary>Replays counts per time bin (e.g. invocations per minute), spreading each bin's arrivals as <paramref name="spread"/> says.</summary>
    /// <exception cref="ArgumentException">See <see cref="BinnedCountArrivals"/>.</exception>
    public static BinnedCountArrivals FromBinnedCounts(IReadOnlyList<int> counts, SimDuration binWidth, WithinBinSpread spread = WithinBinSpread.Uniform) =>
        new(counts, binWidth.Seconds, spread);

    /// <summary>The expected number of arrivals in [<paramref name="fromSeconds"/>, <paramref name="toSeconds"/>), seconds from the start of the run.</summary>
    public abstract double ExpectedArrivals(double fromSeconds, double toSeconds);

    /// <summary>The expected arrivals per second over [0, <paramref name="horizon"/>]: <see cref="ExpectedArrivals"/>(0, horizon) / horizon.</summary>
    /// <remarks>E.g. the built-in spike (1,000 req/s, 8,000 from 300 s to 360 s) over 1,200 s: (1,140 x 1,000 + 60 x 8,000) / 1,200 = 1,350 req/s.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizon"/> is not finite and positive.</exception>
    public double MeanRate(SimDuration horizon)
    {
        if (!(horizon.Seconds > 0) || horizon.IsInfinite)
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "The horizon must be finite and longer than 0 s.");
        }

        return ExpectedArrivals(0, horizon.Seconds) / horizon.Seconds;
    }

    /// <summary>A short description with the parameters, for reports.</summary>
    public abstract string Describe();

    /// <summary>A new stream of this process's arrival times for one run, drawing from <paramref name="random"/> (the run's arrival substream).</summary>
    public abstract IArrivalStream CreateStream(RandomStream random);
}
