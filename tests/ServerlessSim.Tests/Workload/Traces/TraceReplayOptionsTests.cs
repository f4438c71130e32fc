using ServerlessSim.Configuration;
using ServerlessSim.Workload;
using ServerlessSim.Workload.Traces;
using static ServerlessSim.Tests.Workload.ArrivalStatistics;

namespace ServerlessSim.Tests.Workload.Traces;

/// <summary>Selecting and scaling the 500-function Azure 2019 sample.</summary>
public class TraceReplayOptionsTests
{
    private static readonly TraceWorkload All = Azure2019Trace.Load(TraceSamples.Azure2019FiveHundredFunctions);

    [Test]
    public void Top_n_keeps_the_busiest_functions_in_order()
    {
        var top = Azure2019Trace.Load(TraceSamples.Azure2019FiveHundredFunctions, new TraceReplayOptions { TopFunctions = 10 });

        top.Functions.Select(f => f.Id).Should().Equal(All.Functions.Take(10).Select(f => f.Id));
        top.FunctionsInTrace.Should().Be(500);
    }

    [Test]
    public void Triggers_ids_and_a_hash_sample_filter_deterministically()
    {
        var http = Azure2019Trace.Load(TraceSamples.Azure2019FiveHundredFunctions, new TraceReplayOptions { Triggers = ["HTTP"] });
        http.Functions.Should().HaveCount(139).And.OnlyContain(f => f.Trigger == "http");

        var ids = All.Functions.Skip(100).Take(3).Select(f => f.Id).ToArray();
        Azure2019Trace.Load(TraceSamples.Azure2019FiveHundredFunctions, new TraceReplayOptions { FunctionIds = ids })
            .Functions.Select(f => f.Id).Should().Equal(ids);

        var tenth = Azure2019Trace.Load(TraceSamples.Azure2019FiveHundredFunctions, new TraceReplayOptions { Sample = new HashSample(1, 10) });
        var fifth = Azure2019Trace.Load(TraceSamples.Azure2019FiveHundredFunctions, new TraceReplayOptions { Sample = new HashSample(2, 10) });
        tenth.Functions.Select(f => f.Id).Should().BeSubsetOf(fifth.Functions.Select(f => f.Id));

        // Each function is in with probability 1/10, independently of the others: 50 +- Z sqrt(500 x 0.1 x 0.9).
        tenth.Functions.Count.Should().BeCloseTo(50, (uint)Math.Ceiling(Z * Math.Sqrt(500 * 0.1 * 0.9)));
        tenth.Functions.Should().OnlyContain(f => HashSample.StableHash(f.Id) % 10 == 0);
    }

    [Test]
    public void Time_scale_shrinks_the_minutes_and_keeps_the_counts()
    {
        var half = Azure2019Trace.Load(TraceSamples.Azure2019TenFunctions, new TraceReplayOptions { TimeScale = 0.5 });
        var normal = Azure2019Trace.Load(TraceSamples.Azure2019TenFunctions);

        half.DurationSeconds.Should().Be(43_200);
        half.Functions[0].Arrivals.Should().BeOfType<BinnedCountArrivals>().Which.BinSeconds.Should().Be(30);
        half.Functions[0].Invocations.Should().Be(normal.Functions[0].Invocations);
        half.Functions[0].Duration!.Mean.Should().Be(normal.Functions[0].Duration!.Mean);
    }

    /// <remarks>Thinning N arrivals at rate x keeps Binomial(N, x): N x +- Z sqrt(N x (1 - x)); 1.5 adds Binomial(N, 0.5) to N.</remarks>
    [TestCase(0.5)]
    [TestCase(1.5)]
    [TestCase(2.0)]
    public void Rate_scale_thins_or_replicates_per_minute_counts(double factor)
    {
        var scaled = Azure2019Trace.Load(TraceSamples.Azure2019FiveHundredFunctions, new TraceReplayOptions { RateScale = factor, Seed = 4 });
        var again = Azure2019Trace.Load(TraceSamples.Azure2019FiveHundredFunctions, new TraceReplayOptions { RateScale = factor, Seed = 4 });

        var n = (double)All.Invocations;
        var fraction = factor - Math.Floor(factor);
        scaled.Invocations.Should().BeCloseTo((long)Math.Round(n * factor), (ulong)Math.Ceiling(Z * Math.Sqrt(n * fraction * (1 - fraction))));
        again.Invocations.Should().Be(scaled.Invocations);
    }

    [Test]
    public void Rate_scale_of_timestamps_puts_copies_between_arrivals()
    {
        var directory = TraceSamples.Write(("t.csv", "timestamp\n0\n10\n20\n"));
        var workload = CsvTrace.Load(Path.Combine(directory, "t.csv"), new TraceReplayOptions { RateScale = 2, TimeScale = 0.1 });

        var times = Arrivals(workload.Functions[0].Arrivals, double.PositiveInfinity);

        // Times 0, 1, 2 after time scaling; each arrival twice, the copy within the gap to the next (the last at its own time).
        times.Should().HaveCount(6).And.BeInAscendingOrder();
        times.Where((_, i) => i % 2 == 0).Should().Equal(0, 1, 2);
        times[1].Should().BeInRange(0, 1);
        times[3].Should().BeInRange(1, 2);
        times[5].Should().Be(2);
    }

    [Test]
    public void Bad_options_are_all_reported_before_any_file_is_read()
    {
        var options = new TraceReplayOptions { TopFunctions = 0, TimeScale = -1, RateScale = double.NaN, CpuFraction = 2, Sample = new HashSample(3, 2), Triggers = [] };

        var errors = FluentActions.Invoking(() => Azure2019Trace.Load("no-such-directory", options))
            .Should().Throw<ScenarioValidationException>().Which.Errors;

        errors.Select(e => e.Path).Should().Equal(
            "options.topFunctions", "options.triggers", "options.sample", "options.timeScale", "options.rateScale", "options.cpuFraction");
    }

    [Test]
    public void A_cpu_fraction_splits_each_recorded_duration()
    {
        var workload = Azure2019Trace.Load(TraceSamples.Azure2019TenFunctions, new TraceReplayOptions { CpuFraction = 0.25, TopFunctions = 1 });
        var function = workload.Functions[0];

        function.Work!.CpuDemand.Mean.Should().BeApproximately(0.25 * function.Duration!.Mean, 1e-15);
        function.Work.IoWait.Mean.Should().BeApproximately(0.75 * function.Duration.Mean, 1e-15);
        function.Work.CpuDemand.Should().Be(new DurationShare(function.Duration, 0.25));
    }
}
