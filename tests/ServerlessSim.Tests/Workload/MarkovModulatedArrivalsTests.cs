using ServerlessSim.Engine;
using ServerlessSim.Workload;
using static ServerlessSim.Tests.Workload.ArrivalStatistics;

namespace ServerlessSim.Tests.Workload;

/// <remarks>
/// Each replication is an independent, stationary run (the chain starts from its stationary law), so counts over a
/// window are i.i.d. across replications: their mean is tested against the long-run rate with the standard error
/// estimated from the replications, and their variance against the two-state formula
/// Var N(w) = rate w + 2 (lambda_on - lambda_off)^2 q_on q_off / s^3 x (w - (1 - e^(-s w)) / s), s = q_on + q_off,
/// with the standard error of the variance estimated from batches of replications. Tolerances: Z = 3.29 standard errors.
/// </remarks>
public class MarkovModulatedArrivalsTests
{
    [Test]
    public void On_off_stationary_law_and_long_run_rate_follow_the_mean_sojourns()
    {
        var process = ArrivalProcess.OnOff(100, SimDuration.FromSeconds(1), SimDuration.FromSeconds(4));

        process.StationaryProbabilities.Should().Equal([0.2, 0.8], (a, b) => Math.Abs(a - b) < 1e-12);
        process.LongRunRatePerSecond.Should().BeApproximately(20, 1e-9);
        process.ExpectedArrivals(10, 60).Should().BeApproximately(1_000, 1e-9);
        process.TransitionRatesPerSecond[0].Should().Equal(-1, 1);
        process.TransitionRatesPerSecond[1].Should().Equal(0.25, -0.25);
    }

    [Test]
    public void A_three_state_process_has_the_stationary_weighted_rate_in_the_long_run()
    {
        // A cycle 0 -> 1 -> 2 -> 0 with exit rates 1, 0.5, 0.25: pi is proportional to the mean sojourns 1 : 2 : 4.
        var process = ArrivalProcess.MarkovModulated(
            [5, 50, 200],
            [[0, 1, 0], [0, 0, 0.5], [0.25, 0, 0]]);
        process.StationaryProbabilities.Should().Equal([1 / 7.0, 2 / 7.0, 4 / 7.0], (a, b) => Math.Abs(a - b) < 1e-12);
        var longRun = (5 + 100 + 800) / 7.0;
        process.LongRunRatePerSecond.Should().BeApproximately(longRun, 1e-9);

        const double window = 100;
        var counts = Enumerable.Range(0, 400).Select(r => (double)Arrivals(process, window, seed: 3, replication: r).Count).ToArray();
        var (mean, variance) = MeanAndVariance(counts);
        mean.Should().BeApproximately(longRun * window, Z * Math.Sqrt(variance / counts.Length));
    }

    [Test]
    public void On_off_counts_are_over_dispersed_as_the_formula_says()
    {
        const double on = 100, qOn = 1, qOff = 0.25, window = 20;
        var process = ArrivalProcess.OnOff(on, SimDuration.FromSeconds(1 / qOn), SimDuration.FromSeconds(1 / qOff));
        const int batches = 40, perBatch = 100;
        var counts = Enumerable.Range(0, batches * perBatch).Select(r => (double)Arrivals(process, window, seed: 5, replication: r).Count).ToArray();

        var rate = process.LongRunRatePerSecond;
        var s = qOn + qOff;
        var theory = (rate * window) + (2 * on * on * qOn * qOff / (s * s * s) * (window - ((1 - Math.Exp(-s * window)) / s)));
        var (mean, variance) = MeanAndVariance(counts);
        mean.Should().BeApproximately(rate * window, Z * Math.Sqrt(variance / counts.Length));

        // Index of dispersion: about 1 for Poisson (1 + Z sqrt(2 / (n - 1)) at most, at 99.9%); about 124 here.
        (variance / mean).Should().BeGreaterThan(1 + (Z * Math.Sqrt(2.0 / (counts.Length - 1))));
        var batchVariances = counts.Chunk(perBatch).Select(b => MeanAndVariance(b).Variance).ToArray();
        var (meanOfBatches, varianceOfBatches) = MeanAndVariance(batchVariances);
        meanOfBatches.Should().BeApproximately(theory, Z * Math.Sqrt(varianceOfBatches / batches));
    }

    [Test]
    public void Sojourn_form_equals_the_generator_form()
    {
        var bySojourns = MarkovModulatedArrivals.FromSojourns([10, 0, 40], [2, 5, 0.5], [[0, 0.5, 0.5], [1, 0, 0], [0.25, 0.75, 0]]);
        var byGenerator = ArrivalProcess.MarkovModulated([10, 0, 40], [[0, 0.25, 0.25], [0.2, 0, 0], [0.5, 1.5, 0]]);

        bySojourns.StationaryProbabilities.Should().Equal(byGenerator.StationaryProbabilities, (a, b) => Math.Abs(a - b) < 1e-12);
        Arrivals(bySojourns, 100, seed: 9).Should().Equal(Arrivals(byGenerator, 100, seed: 9), (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Test]
    public void A_chain_that_cannot_reach_every_state_is_rejected()
    {
        FluentActions.Invoking(() => ArrivalProcess.MarkovModulated([1, 2, 3], [[0, 1, 0], [1, 0, 0], [1, 0, 0]]))
            .Should().Throw<ArgumentException>().WithMessage("State 2 cannot be reached from state 0*");
        FluentActions.Invoking(() => ArrivalProcess.MarkovModulated([1, 2], [[0, -1], [1, 0]]))
            .Should().Throw<ArgumentException>().WithMessage("*from state 0 to 1 is -1*");
    }

    [Test]
    public void A_silent_chain_never_arrives()
    {
        Arrivals(ArrivalProcess.OnOff(0, SimDuration.FromSeconds(1), SimDuration.FromSeconds(1)), 1_000).Should().BeEmpty();
    }
}
