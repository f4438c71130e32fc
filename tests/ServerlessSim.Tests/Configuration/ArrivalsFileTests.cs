using ServerlessSim.Configuration;
using ServerlessSim.Workload;
using static ServerlessSim.Tests.Configuration.BadScenarioCases;

namespace ServerlessSim.Tests.Configuration;

/// <summary>Every arrival process of docs/workloads.md, written in a scenario file; and the errors of bad ones.</summary>
public class ArrivalsFileTests
{
    private const string Arrivals = "\"arrivals\": { \"ratePerSecond\": 100 }";

    private static ArrivalProcess Load(string arrivals) =>
        ScenarioFile.Parse(Edit(Valid, Arrivals, $"\"arrivals\": {arrivals}")).Function.Arrivals;

    [Test]
    public void Reads_a_sinusoid_with_the_day_as_default_period()
    {
        var process = Load("""{ "process": "sinusoidal", "meanRatePerSecond": 100, "amplitudeRatePerSecond": 60, "peakSeconds": 50400 }""");

        process.Should().Be(new SinusoidalArrivals(100, 60, 86_400, 50_400));
    }

    [Test]
    public void Reads_an_hourly_profile()
    {
        var rates = string.Join(", ", Enumerable.Range(1, 24));
        var process = (HourlyProfileArrivals)Load($$"""{ "process": "hourlyProfile", "hourlyRatesPerSecond": [{{rates}}], "interpolation": "linear" }""");

        process.HourlyRatesPerSecond.Should().Equal(Enumerable.Range(1, 24).Select(h => (double)h));
        process.Interpolation.Should().Be(ProfileInterpolation.Linear);
    }

    [Test]
    public void Reads_on_off_and_both_forms_of_markov_modulation()
    {
        var onOff = (MarkovModulatedArrivals)Load("""{ "process": "onOff", "onRatePerSecond": 100, "meanOnSeconds": 1, "meanOffSeconds": 4 }""");
        var byStates = (MarkovModulatedArrivals)Load("""
            { "process": "markovModulated", "states": [
                { "ratePerSecond": 100, "meanSojournSeconds": 1 },
                { "ratePerSecond": 0, "meanSojournSeconds": 4 } ] }
            """);
        var byMatrix = (MarkovModulatedArrivals)Load("""
            { "process": "markovModulated", "ratesPerSecond": [100, 0], "transitionRatesPerSecond": [[-1, 1], [0.25, -0.25]] }
            """);

        foreach (var process in new[] { onOff, byStates, byMatrix })
        {
            process.RatesPerSecond.Should().Equal(100, 0);
            process.TransitionRatesPerSecond.Should().BeEquivalentTo(new[] { new[] { -1.0, 1 }, [0.25, -0.25] }, o => o.WithStrictOrdering());
        }
    }

    [Test]
    public void Reads_a_superposition_of_a_trace_and_binned_counts()
    {
        var process = (SuperposedArrivals)Load("""
            { "process": "superposition", "components": [
                { "process": "trace", "timestampsSeconds": [3, 1.5] },
                { "process": "binnedCounts", "counts": [2, 0, 5], "binSeconds": 10, "spread": "evenlySpaced" },
                { "ratePerSecond": 1 } ] }
            """);

        ((TraceArrivals)process.Components[0]).TimestampsSeconds.ToArray().Should().Equal(1.5, 3);
        var binned = (BinnedCountArrivals)process.Components[1];
        (binned.Counts.ToArray(), binned.BinSeconds, binned.Spread).Should().BeEquivalentTo((new[] { 2, 0, 5 }, 10.0, WithinBinSpread.EvenlySpaced));
        process.Components[2].Should().BeOfType<RateScheduleArrivals>();
    }

    [Test]
    public void Reports_every_problem_of_every_state_together()
    {
        var errors = ScenarioFileTests.ErrorsOf(() => Load("""
            { "process": "markovModulated", "states": [ { "ratePerSecond": -1, "meanSojournSeconds": 0 }, { "meanSojournSeconds": 1 } ] }
            """));

        errors.Select(e => e.Path).Should().Equal(
            "function.arrivals.states[0].ratePerSecond", "function.arrivals.states[0].meanSojournSeconds", "function.arrivals.states[1].ratePerSecond");
    }

    [TestCaseSource(nameof(BadArrivals))]
    public void Reports_bad_arrivals_with_path_value_and_rule(string arrivals, string path, string value, string rule)
    {
        var errors = ScenarioFileTests.ErrorsOf(() => Load(arrivals));

        var error = errors.Should().ContainSingle("errors were: {0}", string.Join(" | ", errors)).Subject;
        (error.Path, error.Value).Should().Be((path, value));
        error.Rule.Should().Contain(rule);
    }

    private static IEnumerable<TestCaseData> BadArrivals()
    {
        const string p = "function.arrivals";
        yield return Bad("field of another process suggests",
            """{ "process": "sinusoidal", "meanRatePerSecond": 10, "amplitudeRatePerSecond": 5, "periodSecond": 60 }""",
            $"{p}.periodSecond", "\"periodSecond\"", "did you mean \"periodSeconds\"?");
        yield return Bad("amplitude above the mean", """{ "process": "sinusoidal", "meanRatePerSecond": 10, "amplitudeRatePerSecond": 15 }""",
            $"{p}.amplitudeRatePerSecond", "15", "must be at most meanRatePerSecond (10)");
        yield return Bad("profile of 23 hours", $$"""{ "process": "hourlyProfile", "hourlyRatesPerSecond": [{{string.Join(",", Enumerable.Repeat(1, 23))}}] }""",
            $"{p}.hourlyRatesPerSecond", "[" + string.Join(",", Enumerable.Repeat(1, 23)) + "]", "exactly 24 numbers (23 given)");
        yield return Bad("negative hourly rate", $$"""{ "process": "hourlyProfile", "hourlyRatesPerSecond": [{{string.Join(",", Enumerable.Repeat(1, 23))}}, -2] }""",
            $"{p}.hourlyRatesPerSecond[23]", "-2", "from 0 to 100000000");
        yield return Bad("misspelt interpolation", """{ "process": "hourlyProfile", "hourlyRatesPerSecond": [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1], "interpolation": "liner" }""",
            $"{p}.interpolation", "\"liner\"", "did you mean \"linear\"?");
        yield return Bad("on/off without an off time", """{ "process": "onOff", "onRatePerSecond": 10, "meanOnSeconds": 1 }""",
            $"{p}.meanOffSeconds", "(missing)", "is required");
        yield return Bad("zero sojourn", """{ "process": "onOff", "onRatePerSecond": 10, "meanOnSeconds": 0, "meanOffSeconds": 1 }""",
            $"{p}.meanOnSeconds", "0", "greater than 0");
        yield return Bad("probabilities not summing to 1", """
            { "process": "markovModulated", "states": [
                { "ratePerSecond": 1, "meanSojournSeconds": 1, "nextStateProbabilities": [0, 0.5, 0.4] },
                { "ratePerSecond": 2, "meanSojournSeconds": 1, "nextStateProbabilities": [1, 0, 0] },
                { "ratePerSecond": 3, "meanSojournSeconds": 1, "nextStateProbabilities": [1, 0, 0] } ] }
            """, $"{p}.states[0].nextStateProbabilities", "[0, 0.5, 0.4]", "must sum to 1 (sums to 0.9)");
        yield return Bad("a state that is never reached", """
            { "process": "markovModulated", "ratesPerSecond": [1, 2, 3], "transitionRatesPerSecond": [[0, 1, 0], [1, 0, 0], [1, 0, 0]] }
            """, $"{p}.transitionRatesPerSecond", "[[0, 1, 0], [1, 0, 0], [1, 0, 0]]", "state 2 cannot be reached from state 0");
        yield return Bad("a negative jump rate", """
            { "process": "markovModulated", "ratesPerSecond": [1, 2], "transitionRatesPerSecond": [[0, -1], [1, 0]] }
            """, $"{p}.transitionRatesPerSecond[0][1]", "-1", "must be at least 0");
        yield return Bad("both markov forms", """
            { "process": "markovModulated", "ratesPerSecond": [1, 2], "transitionRatesPerSecond": [[0, 1], [1, 0]],
              "states": [ { "ratePerSecond": 1, "meanSojournSeconds": 1 }, { "ratePerSecond": 1, "meanSojournSeconds": 1 } ] }
            """, $"{p}.states", "[ { \"ratePerSecond\": 1, \"meanSojournSeconds\": 1 }, { \"ratePe...", "give one form or the other");
        yield return Bad("a bad component names its index", """{ "process": "superposition", "components": [ { "ratePerSecond": 1 }, { "ratePerSecond": -1 } ] }""",
            $"{p}.components[1].ratePerSecond", "-1", "from 0 to 100000000");
        yield return Bad("empty superposition", """{ "process": "superposition", "components": [] }""",
            $"{p}.components", "[]", "must be a non-empty array");
        yield return Bad("negative timestamp", """{ "process": "trace", "timestampsSeconds": [1, -2] }""",
            $"{p}.timestampsSeconds[1]", "-2", "from 0 to 1000000000 (seconds)");
        yield return Bad("fractional count", """{ "process": "binnedCounts", "counts": [1, 2.5] }""",
            $"{p}.counts[1]", "2.5", "must be an integer");
        yield return Bad("unknown spread", """{ "process": "binnedCounts", "counts": [1], "spread": "even" }""",
            $"{p}.spread", "\"even\"", "must be one of: uniform, evenlySpaced, poisson");
    }

    private static TestCaseData Bad(string name, string arrivals, string path, string value, string rule) =>
        new TestCaseData(arrivals, path, value, rule).SetName($"Reports bad arrivals: {name}");
}
