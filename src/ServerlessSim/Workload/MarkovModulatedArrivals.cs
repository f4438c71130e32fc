using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>A Markov-modulated Poisson process (MMPP): Poisson at the rate of the current state of a continuous-time Markov chain.</summary>
/// <remarks>
/// <para>
/// The chain stays in state i for an exponential time with mean 1 / q_i, where q_i = sum over j != i of q_ij, then
/// jumps to j with probability q_ij / q_i. A run starts in a state drawn from the stationary distribution pi
/// (pi Q = 0, sum pi = 1), so the process is stationary from time 0: the expected arrivals in any stretch of length
/// L are L x sum_i pi_i lambda_i, and the counts are over-dispersed (variance above the mean) whenever the rates differ.
/// </para>
/// <para>
/// E.g. on/off with 100 req/s for on periods of mean 1 s and silence for off periods of mean 4 s: q_on = 1,
/// q_off = 0.25, pi_on = 0.25 / 1.25 = 0.2, long-run rate 20 req/s, in bursts of 100 arrivals on average.
/// Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed record MarkovModulatedArrivals : ArrivalProcess
{
    private readonly double[] _rates;
    private readonly double[] _exitRates;
    private readonly double[][] _jumpCumulative;
    private readonly double[] _stationaryCumulative;

    /// <summary>An MMPP from its state rates and its generator; see <see cref="ArrivalProcess.MarkovModulated"/>.</summary>
    /// <param name="ratesPerSecond">The arrival rate of each state, in requests per second (finite, at least 0).</param>
    /// <param name="transitionRatesPerSecond">An n x n matrix: entry [i][j] for i != j is the jump rate from i to j, per second (finite, at least 0); the diagonal is ignored.</param>
    /// <exception cref="ArgumentException">No states, a matrix of the wrong shape, a negative or non-finite rate, or a chain in which some state cannot reach another (no unique stationary distribution).</exception>
    public MarkovModulatedArrivals(IReadOnlyList<double> ratesPerSecond, IReadOnlyList<IReadOnlyList<double>> transitionRatesPerSecond)
    {
        ArgumentNullException.ThrowIfNull(ratesPerSecond);
        ArgumentNullException.ThrowIfNull(transitionRatesPerSecond);
        var n = ratesPerSecond.Count;
        if (n == 0 || transitionRatesPerSecond.Count != n || transitionRatesPerSecond.Any(row => row is null || row.Count != n))
        {
            throw new ArgumentException($"An MMPP with {n} states needs a {n} x {n} matrix of transition rates.", nameof(transitionRatesPerSecond));
        }

        var generator = new double[n][];
        _exitRates = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (!(ratesPerSecond[i] >= 0) || double.IsInfinity(ratesPerSecond[i]))
            {
                throw new ArgumentException($"State {i} has rate {ratesPerSecond[i]} req/s; a rate must be finite and non-negative.", nameof(ratesPerSecond));
            }

            generator[i] = new double[n];
            for (var j = 0; j < n; j++)
            {
                var q = transitionRatesPerSecond[i][j];
                if (i != j && (!(q >= 0) || double.IsInfinity(q)))
                {
                    throw new ArgumentException($"The transition rate from state {i} to {j} is {q} per second; it must be finite and non-negative.", nameof(transitionRatesPerSecond));
                }

                if (i != j)
                {
                    generator[i][j] = q;
                    _exitRates[i] += q;
                }
            }

            generator[i][i] = -_exitRates[i];
        }

        if (FindUnreachable(generator) is (int from, int to))
        {
            throw new ArgumentException(
                $"State {to} cannot be reached from state {from}; every state must be able to reach every other (an irreducible chain).", nameof(transitionRatesPerSecond));
        }

        _rates = ratesPerSecond.ToArray();
        RatesPerSecond = _rates;
        TransitionRatesPerSecond = generator;
        _jumpCumulative = generator.Select((row, i) => Cumulative(row.Select((q, j) => i == j ? 0 : q / _exitRates[i]).ToArray())).ToArray();
        StationaryProbabilities = Stationary(generator);
        _stationaryCumulative = Cumulative(StationaryProbabilities.ToArray());
        LongRunRatePerSecond = StationaryProbabilities.Select((p, i) => p * _rates[i]).Sum();
    }

    /// <summary>An MMPP from each state's mean sojourn time and where it jumps next.</summary>
    /// <param name="ratesPerSecond">The arrival rate of each state, in requests per second.</param>
    /// <param name="meanSojournSeconds">The mean time spent in each state per visit, in seconds (finite, greater than 0).</param>
    /// <param name="nextStateProbabilities">Row i: the probability of jumping from state i to each state (0 to itself; each row sums to 1).</param>
    /// <remarks>Equivalent to the generator q_ij = p_ij / mean sojourn of i.</remarks>
    /// <exception cref="ArgumentException">A parameter out of range, or as for the generator form.</exception>
    public static MarkovModulatedArrivals FromSojourns(
        IReadOnlyList<double> ratesPerSecond, IReadOnlyList<double> meanSojournSeconds, IReadOnlyList<IReadOnlyList<double>> nextStateProbabilities)
    {
        ArgumentNullException.ThrowIfNull(ratesPerSecond);
        ArgumentNullException.ThrowIfNull(meanSojournSeconds);
        ArgumentNullException.ThrowIfNull(nextStateProbabilities);
        var n = ratesPerSecond.Count;
        if (meanSojournSeconds.Count != n || nextStateProbabilities.Count != n || nextStateProbabilities.Any(row => row is null || row.Count != n))
        {
            throw new ArgumentException($"An MMPP with {n} states needs {n} mean sojourn times and a {n} x {n} matrix of jump probabilities.", nameof(nextStateProbabilities));
        }

        var generator = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var sojourn = meanSojournSeconds[i];
            if (!(sojourn > 0) || double.IsInfinity(sojourn))
            {
                throw new ArgumentException($"State {i} has mean sojourn {sojourn} s; it must be finite and greater than 0.", nameof(meanSojournSeconds));
            }

            var row = nextStateProbabilities[i];
            if (row[i] != 0 || row.Any(p => !(p >= 0 && p <= 1)) || Math.Abs(row.Sum() - 1) > 1e-9)
            {
                throw new ArgumentException($"Row {i} of the jump probabilities must be probabilities summing to 1, with 0 for staying in state {i}.", nameof(nextStateProbabilities));
            }

            generator[i] = row.Select(p => p / sojourn).ToArray();
        }

        return new MarkovModulatedArrivals(ratesPerSecond, generator);
    }

    /// <summary>The arrival rate of each state, in requests per second.</summary>
    public IReadOnlyList<double> RatesPerSecond { get; }

    /// <summary>The generator Q, per second: off-diagonal jump rates, and minus each row's total on the diagonal.</summary>
    public IReadOnlyList<IReadOnlyList<double>> TransitionRatesPerSecond { get; }

    /// <summary>The stationary distribution pi of the chain: the long-run share of time in each state (the first state's law at time 0).</summary>
    public IReadOnlyList<double> StationaryProbabilities { get; }

    /// <summary>The long-run arrival rate sum_i pi_i lambda_i, in requests per second.</summary>
    public double LongRunRatePerSecond { get; }

    /// <inheritdoc />
    public override string ProcessName => "markovModulated";

    /// <inheritdoc />
    /// <remarks>The chain starts stationary, so this is exactly <see cref="LongRunRatePerSecond"/> x the length.</remarks>
    public override double ExpectedArrivals(double fromSeconds, double toSeconds)
    {
        var from = Math.Max(0, fromSeconds);
        return toSeconds > from && LongRunRatePerSecond > 0 ? LongRunRatePerSecond * (toSeconds - from) : 0;
    }

    /// <inheritdoc />
    public override string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"markov-modulated Poisson, {_rates.Length} states, {_rates.Min():0.###}..{_rates.Max():0.###} req/s, long-run {LongRunRatePerSecond:0.###} req/s");

    /// <inheritdoc />
    public override IArrivalStream CreateStream(RandomStream random) =>
        new MarkovModulatedStream(_rates, _exitRates, _jumpCumulative, _stationaryCumulative, random);

    private static double[] Cumulative(double[] probabilities)
    {
        var cumulative = new double[probabilities.Length];
        var sum = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            sum += probabilities[i];
            cumulative[i] = sum;
        }

        // The last entry is exactly 1 so that a uniform draw below 1 always finds a state despite rounding.
        cumulative[^1] = 1;
        return cumulative;
    }

    /// <summary>A pair of states (from, to) where <c>to</c> cannot be reached from <c>from</c> along positive off-diagonal rates, or null if every state reaches every other.</summary>
    /// <remarks>Checks that state 0 reaches every state and every state reaches state 0: then all reach all (a single closed class, so pi is unique).</remarks>
    internal static (int From, int To)? FindUnreachable(IReadOnlyList<IReadOnlyList<double>> transitionRates)
    {
        var n = transitionRates.Count;
        for (var direction = 0; direction < 2; direction++)
        {
            var seen = new bool[n];
            var stack = new Stack<int>([0]);
            seen[0] = true;
            while (stack.TryPop(out var i))
            {
                for (var j = 0; j < n; j++)
                {
                    var edge = direction == 0 ? transitionRates[i][j] : transitionRates[j][i];
                    if (j != i && edge > 0 && !seen[j])
                    {
                        seen[j] = true;
                        stack.Push(j);
                    }
                }
            }

            var unreached = Array.IndexOf(seen, false);
            if (unreached >= 0)
            {
                return direction == 0 ? (0, unreached) : (unreached, 0);
            }
        }

        return null;
    }

    // Solves pi Q = 0 with sum pi = 1: the transposed system with its last equation replaced by the normalisation.
    private static double[] Stationary(double[][] generator)
    {
        var n = generator.Length;
        var system = Matrix<double>.Build.Dense(n, n, (row, column) => row == n - 1 ? 1 : generator[column][row]);
        var target = Vector<double>.Build.Dense(n, i => i == n - 1 ? 1 : 0);
        var pi = system.Solve(target).Select(p => Math.Max(0, p)).ToArray();
        var total = pi.Sum();
        return pi.Select(p => p / total).ToArray();
    }
}
