using System.Globalization;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;
using ServerlessSim.Workload.Traces;
using static ServerlessSim.Tests.Workload.ArrivalStatistics;

namespace ServerlessSim.Tests.Workload.Traces;

/// <summary>Replaying the real Azure Functions 2019 samples reproduces what the files say.</summary>
public class Azure2019TraceTests
{
    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [TestCase(WithinBinSpread.Uniform)]
    [TestCase(WithinBinSpread.EvenlySpaced)]
    public void Replaying_the_full_day_sample_reproduces_every_per_minute_count(WithinBinSpread spread)
    {
        var workload = Azure2019Trace.Load(TraceSamples.Azure2019TenFunctions, new TraceReplayOptions { Spread = spread });
        var expected = TraceSamples.Rows(Path.Combine(TraceSamples.Azure2019TenFunctions, "invocations.csv"))
            .ToDictionary(r => r[2], r => r.Skip(4).Select(int.Parse).ToArray());

        workload.Functions.Should().HaveCount(10);
        (workload.DurationSeconds, workload.OriginSeconds, workload.FunctionsInTrace).Should().Be((86_400.0, 0.0, 10));
        foreach (var function in workload.Functions)
        {
            var perMinute = new int[1_440];
            foreach (var t in Arrivals(function.Arrivals, double.PositiveInfinity, seed: 17))
            {
                perMinute[(int)Math.Floor(t / 60)]++;
            }

            perMinute.Should().Equal(expected[function.Id], "function {0} replays its counts", function.Name);
            function.Invocations.Should().Be(expected[function.Id].Sum());
        }
    }

    /// <remarks>
    /// With n draws, the sample p-quantile lies between the true quantiles at p -+ Z sqrt(p (1 - p) / n) with
    /// probability 99.9% (a binomial bound on how many draws fall below a point). The true quantiles come from the
    /// file's percentiles, interpolated linearly here, independently of the library.
    /// </remarks>
    [Test]
    public void Duration_draws_match_the_file_percentiles()
    {
        var workload = Azure2019Trace.Load(TraceSamples.Azure2019TenFunctions);
        var file = TraceSamples.Rows(Path.Combine(TraceSamples.Azure2019TenFunctions, "durations.csv")).ToDictionary(r => r[2]);
        double[] percentiles = [0, 1, 25, 50, 75, 99, 100];
        const int n = 100_000;

        foreach (var function in workload.Functions)
        {
            var ms = file[function.Id].Skip(7).Select(Number).ToArray();
            double TrueQuantile(double p)
            {
                var k = Math.Clamp(Array.FindLastIndex(percentiles, q => q <= p * 100), 0, percentiles.Length - 2);
                var f = Math.Clamp(((p * 100) - percentiles[k]) / (percentiles[k + 1] - percentiles[k]), 0, 1);
                return (ms[k] + (f * (ms[k + 1] - ms[k]))) / 1000;
            }

            var random = RandomStream.For(3, 0, 0, StreamPurpose.Work);
            var draws = Enumerable.Range(0, n).Select(_ => function.Duration!.Sample(random)).Order().ToArray();
            foreach (var p in new[] { 0.01, 0.25, 0.5, 0.75, 0.99 })
            {
                var band = Z * Math.Sqrt(p * (1 - p) / n);
                draws[(int)(p * n)].Should().BeInRange(TrueQuantile(p - band) - 1e-12, TrueQuantile(p + band) + 1e-12, "p{0} of {1}", p * 100, function.Name);
            }

            draws[0].Should().BeGreaterThanOrEqualTo(ms[0] / 1000);
            draws[^1].Should().BeLessThanOrEqualTo(ms[^1] / 1000);
        }
    }

    [Test]
    public void Memory_and_trigger_come_from_the_files()
    {
        var workload = Azure2019Trace.Load(TraceSamples.Azure2019TenFunctions);
        var memory = TraceSamples.Rows(Path.Combine(TraceSamples.Azure2019TenFunctions, "memory.csv")).ToDictionary(r => r[2], r => Number(r[4]));
        var triggers = TraceSamples.Rows(Path.Combine(TraceSamples.Azure2019TenFunctions, "invocations.csv")).ToDictionary(r => r[2], r => r[3]);

        workload.Functions.Should().OnlyContain(f => f.MemoryMb == memory[f.Id] && f.Trigger == triggers[f.Id]);
        workload.Functions.Select(f => f.Invocations).Should().BeInDescendingOrder();
        workload.Notes.Should().BeEmpty();
    }

    [Test]
    public void The_500_function_sample_loads_with_its_minute_window()
    {
        var workload = Azure2019Trace.Load(TraceSamples.Azure2019FiveHundredFunctions);

        workload.Functions.Should().HaveCount(500);
        workload.Invocations.Should().Be(3_037_902);
        (workload.DurationSeconds, workload.OriginSeconds).Should().Be((480 * 60.0, 479 * 60.0));
        workload.Functions.GroupBy(f => f.Trigger).ToDictionary(g => g.Key!, g => g.Count())
            .Should().Contain(new Dictionary<string, int> { ["timer"] = 247, ["http"] = 139, ["queue"] = 69, ["orchestration"] = 25 });
        workload.Functions.Select(f => f.Name).Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void A_trace_function_becomes_a_function_definition_from_a_template()
    {
        var function = Azure2019Trace.Load(TraceSamples.Azure2019TenFunctions).Functions[0];
        var template = ServerlessSim.Experiments.BuiltInScenarios.IoHeavyApi().Function;

        var definition = function.ToFunctionDefinition(template);

        (definition.Name, definition.Arrivals, definition.Work).Should().Be((function.Name, function.Arrivals, function.Work!));
        definition.MemoryMb.Should().Be(Math.Clamp(Math.Ceiling(function.MemoryMb!.Value), 128, 10_240));
        (definition.ColdStart, definition.KeepAlive).Should().Be((template.ColdStart, template.KeepAlive));
    }
}
