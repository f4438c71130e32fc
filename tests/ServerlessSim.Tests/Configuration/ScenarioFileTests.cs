using System.Text.RegularExpressions;
using ServerlessSim.Configuration;
using ServerlessSim.Cost;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Concurrency;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Configuration;

public class ScenarioFileTests
{
    private const string Valid = BadScenarioCases.Valid;

    [Test]
    public void The_small_valid_scenario_loads()
    {
        var scenario = ScenarioFile.Parse(Valid);

        scenario.Name.Should().Be("t");
        scenario.Policies.Should().HaveCount(2);
    }

    [Test]
    public void Every_example_file_loads()
    {
        var files = Directory.GetFiles(ExampleFiles.Directory, "*.json");

        files.Select(Path.GetFileName).Should().Contain(["io-heavy-api.json", "steady-1000-busy.json", "hand-computable.json", "sweep-k.json"]);
        foreach (var file in files)
        {
            // ExperimentFile reads the scenario with ScenarioFile, and the experiment section some examples have.
            FluentActions.Invoking(() => ExperimentFile.Load(file)).Should().NotThrow(file);
        }
    }

    [Test]
    public void Every_complete_scenario_in_the_format_documentation_loads()
    {
        var markdown = File.ReadAllText(Path.Combine(ExampleFiles.Directory, "..", "scenario-format.md"));
        var documents = Regex.Matches(markdown, "```jsonc?\\n(\\{.*?)```", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .ToArray();

        documents.Should().NotBeEmpty();
        foreach (var json in documents)
        {
            FluentActions.Invoking(() => ScenarioFile.Parse(json, "scenario-format.md")).Should().NotThrow();
        }
    }

    [Test]
    public void The_io_heavy_api_example_is_the_built_in_scenario()
    {
        var loaded = ScenarioFile.Load(ExampleFiles.PathOf("io-heavy-api.json"));
        var builtIn = BuiltInScenarios.IoHeavyApi();

        loaded.Name.Should().Be(builtIn.Name);
        loaded.Seed.Should().Be(builtIn.Seed);
        loaded.Replications.Should().Be(builtIn.Replications);
        loaded.Horizon.Should().Be(builtIn.Horizon);
        loaded.WarmUp.Should().Be(builtIn.WarmUp);
        loaded.EffectiveAccount.Should().Be(builtIn.EffectiveAccount);
        loaded.EffectiveTimeSeriesStep.Should().Be(builtIn.EffectiveTimeSeriesStep);

        var (f, g) = (loaded.Function, builtIn.Function);
        f.Name.Should().Be(g.Name);
        f.MemoryMb.Should().Be(g.MemoryMb);
        f.KeepAlive.Should().Be(g.KeepAlive);
        f.MaxInstances.Should().Be(g.MaxInstances);
        var (fa, ga) = ((RateScheduleArrivals)f.Arrivals, (RateScheduleArrivals)g.Arrivals);
        fa.Kind.Should().Be(ga.Kind);
        fa.Schedule.Should().Equal(ga.Schedule);
        ShouldMatch(f.Work.CpuDemand, g.Work.CpuDemand);
        ShouldMatch(f.Work.IoWait, g.Work.IoWait);
        ShouldMatch(f.ColdStart, g.ColdStart);

        loaded.Policies.Select(p => p.Name).Should().Equal(builtIn.Policies.Select(p => p.Name));
        for (var i = 0; i < builtIn.Policies.Count; i++)
        {
            var (p, q) = (loaded.Policies[i], builtIn.Policies[i]);
            p.Concurrency.Should().Be(q.Concurrency, "K and vCPUs of {0}", q.Name);
            p.EffectiveDispatch.Should().Be(q.EffectiveDispatch);
            p.EffectiveLimitCounts.Should().Be(q.EffectiveLimitCounts);
            p.EffectiveBilling.Should().Be(q.EffectiveBilling);
        }
    }

    [Test]
    public void The_hand_computable_example_gives_one_cold_start_as_its_comment_says()
    {
        var scenario = ScenarioFile.Load(ExampleFiles.PathOf("hand-computable.json"));

        for (var policy = 0; policy < scenario.Policies.Count; policy++)
        {
            var result = ScenarioRunner.Run(scenario, policy, replication: 0);

            result.Requests.Should().Be(99, scenario.Policies[policy].Name);
            result.Completed.Should().Be(99);
            result.Throttled.Should().Be(0);
            result.ColdStarts.Should().Be(1);
            result.InstanceStarts.Should().Be(1);
            result.LatencyMs.Max.Should().BeApproximately(700, 1e-6);
            result.LatencyMs.P50.Should().BeApproximately(500, 0.5);
            result.LatencyMs.Mean.Should().BeApproximately(((98 * 500) + 700) / 99.0, 1e-6);
        }
    }

    [Test]
    public void Reads_every_field_and_converts_milliseconds_to_seconds()
    {
        var scenario = ScenarioFile.Parse("""
            {
              // comments and trailing commas are allowed
              "name": "all", "seed": -3, "horizonSeconds": 50, "warmUpSeconds": 5, "replications": 3,
              "timeSeriesStepSeconds": 0.5,
              "account": { "concurrencyLimit": 200 },
              "function": {
                "name": "f", "memoryMb": 2048, "keepAliveSeconds": "INFINITE", "maxInstances": 7,
                "arrivals": { "process": "Constant", "rateSchedule": [ { "startSeconds": 0, "ratePerSecond": 5 }, { "startSeconds": 20, "ratePerSecond": 0 }, ] },
                "work": { "cpuMs": { "type": "gamma", "shape": 2, "meanMs": 30 }, "ioWaitMs": { "type": "exponential", "meanMs": 80 } },
                "coldStartMs": { "type": "empirical", "percentilesMs": { "100": 300, "0": 100, "50": 200 } },
              },
              "policies": [
                { "name": "one", "concurrency": "ONEPERINSTANCE", "billing": { "arm": true, "freeTier": true }, "limitCounts": "instances" },
                { "name": "many", "concurrency": "manyPerInstance", "maxConcurrentPerInstance": 1e3, "vCpus": 2, "dispatch": "packing", "billing": "instanceTime" },
                { "name": "flex", "concurrency": "manyPerInstance", "billing": { "model": "AzureFlexConsumption" } },
              ],
            }
            """);

        scenario.Seed.Should().Be(-3);
        scenario.Replications.Should().Be(3);
        scenario.Horizon.Should().Be(SimDuration.FromSeconds(50));
        scenario.WarmUp.Should().Be(SimDuration.FromSeconds(5));
        scenario.TimeSeriesStep.Should().Be(SimDuration.FromSeconds(0.5));
        scenario.EffectiveAccount.ConcurrencyLimit.Should().Be(200);
        var f = scenario.Function;
        (f.Name, f.MemoryMb, f.KeepAlive.IsInfinite, f.MaxInstances).Should().Be(("f", 2048.0, true, (int?)7));
        f.Arrivals.Should().BeOfType<RateScheduleArrivals>().Which.Kind.Should().Be(ArrivalKind.Constant);
        ((RateScheduleArrivals)f.Arrivals).Schedule.Should().Equal(new RateSegment(0, 5), new RateSegment(20, 0));
        f.Work.CpuDemand.Should().Be(new GammaDistribution(2, 0.030));
        f.Work.IoWait.Should().Be(new ExponentialDistribution(0.080));
        f.ColdStart.Mean.Should().BeApproximately(0.200, 1e-12);
        ((EmpiricalDistribution)f.ColdStart).Quantile(0.25).Should().BeApproximately(0.150, 1e-12);

        var one = scenario.Policies[0];
        one.Concurrency.Should().BeOfType<OnePerInstanceOptions>();
        (one.EffectiveBilling, one.EffectiveLimitCounts).Should().Be((new BillingOptions(BillingModel.LambdaPerRequest, Arm: true, FreeTier: true), LimitScope.Instances));
        scenario.Policies[1].EffectiveBilling.Should().Be(new BillingOptions(BillingModel.CloudRunInstanceBased), "instanceTime is the earlier name");
        scenario.Policies[2].EffectiveBilling.Should().Be(new BillingOptions(BillingModel.AzureFlexConsumption));
        scenario.Policies[1].Concurrency.Should().Be(new ManyPerInstanceOptions(1000, 2));
        scenario.Policies[1].EffectiveDispatch.Kind.Should().Be(DispatchKind.Packing);
    }

    [Test]
    public void Applies_the_documented_defaults()
    {
        var scenario = ScenarioFile.Parse("""
            { "name": "d", "horizonSeconds": 10,
              "function": { "arrivals": { "ratePerSecond": 1 }, "work": { "cpuMs": 10 } },
              "policies": [ { "concurrency": "onePerInstance" }, { "concurrency": "manyPerInstance" } ] }
            """);

        (scenario.Seed, scenario.Replications, scenario.WarmUp, scenario.TimeSeriesStep).Should().Be((1L, 1, SimDuration.Zero, (SimDuration?)null));
        scenario.EffectiveAccount.ConcurrencyLimit.Should().Be(1000);
        var f = scenario.Function;
        (f.Name, f.MemoryMb, f.KeepAlive, f.MaxInstances).Should().Be(("function", 1024.0, SimDuration.FromSeconds(600), (int?)null));
        f.Arrivals.Should().BeOfType<RateScheduleArrivals>().Which.Kind.Should().Be(ArrivalKind.Poisson);
        f.Work.CpuDemand.Should().Be(new ConstantDistribution(0.010));
        f.Work.IoWait.Mean.Should().Be(0);
        f.ColdStart.Mean.Should().Be(0);
        scenario.Policies.Select(p => p.Name).Should().Equal("one-per-instance", "many-per-instance-k80");
        scenario.Policies[1].Concurrency.Should().Be(new ManyPerInstanceOptions(80));
        scenario.Policies.Select(p => p.EffectiveLimitCounts).Should().Equal(LimitScope.InFlightRequests, LimitScope.Instances);
        scenario.Policies.Select(p => p.EffectiveBilling.Model).Should().Equal(BillingModel.LambdaPerRequest, BillingModel.CloudRunInstanceBased);
        scenario.Prices.Should().BeNull();
        scenario.EffectivePrices.Should().BeSameAs(PriceTable.Default);
        scenario.Policies.Select(p => p.EffectiveDispatch.Kind).Should().Equal(DispatchKind.LeastLoaded, DispatchKind.LeastLoaded);
    }

    [Test]
    public void Prices_given_inline_override_rows_of_the_shipped_table()
    {
        var scenario = ScenarioFile.Parse(BadScenarioCases.Edit(Valid, "\"name\": \"t\",", """
            "name": "t", "prices": { "cloudRun": { "requestUsdPerMillion": { "value": 0.5, "source": "quote", "date": "2026-11-20" } } },
            """));

        scenario.EffectivePrices[PriceKeys.CloudRunRequestUsdPerMillion].Value.Should().Be(0.5m);
        scenario.EffectivePrices[PriceKeys.LambdaRequestUsdPerMillion].Value.Should().Be(0.20m);
        scenario.EffectivePrices.Source.Should().Be("built-in prices.json; 1 row from the scenario's prices");
    }

    [Test]
    public void A_prices_file_is_read_relative_to_the_scenario_file_and_its_errors_name_it()
    {
        var directory = Directory.CreateTempSubdirectory("serverless-sim-prices-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "rates"));
            var prices = Path.Combine(directory, "rates", "p.json");
            File.WriteAllText(prices, """{ "sqs": { "requestUsdPerMillion": { "value": 0.5, "source": "s", "date": "2026-11-26" } } }""");
            var scenarioPath = Path.Combine(directory, "s.json");
            File.WriteAllText(scenarioPath, BadScenarioCases.Edit(Valid, "\"name\": \"t\",", "\"name\": \"t\", \"prices\": \"rates/p.json\","));

            ScenarioFile.Load(scenarioPath).EffectivePrices[PriceKeys.SqsRequestUsdPerMillion].Value.Should().Be(0.5m);

            File.WriteAllText(prices, """{ "sqs": { "requestUsdPerMillion": { "value": -0.5, "source": "s", "date": "2026-11-26" } } }""");
            var act = () => ScenarioFile.Load(scenarioPath);
            act.Should().Throw<ScenarioValidationException>().Which.Errors.Select(e => e.ToString()).Should().Equal(
                $"{Path.Combine(directory, "rates/p.json")}:sqs.requestUsdPerMillion.value: -0.5 must be a number from 0 to 1000000 (USD per million requests)");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestCaseSource(typeof(BadScenarioCases), nameof(BadScenarioCases.All))]
    public void Reports_bad_input_with_its_path_and_value(string json, string path, string value, string rule, int count)
    {
        var errors = ErrorsOf(() => ScenarioFile.Parse(json, "case.json"));

        errors.Should().HaveCount(count, "errors were: {0}", string.Join(" | ", errors));
        var error = errors.Where(e => e.Path == path).Should().ContainSingle("errors were: {0}", string.Join(" | ", errors)).Subject;
        error.Value.Should().Contain(value);
        error.ToString().Should().Contain(value).And.Contain(rule);
    }

    [TestCase("", "scenario:1", "(end of input)")]
    [TestCase("{\n  \"name\": \"x\",\n", "scenario:3", "(end of input)")]
    [TestCase("{ \"name\": 'x' }", "scenario:1", "{ \"name\": 'x' }")]
    public void Reports_malformed_json_at_its_line(string json, string path, string value)
    {
        var error = ErrorsOf(() => ScenarioFile.Parse(json)).Should().ContainSingle().Subject;

        error.Path.Should().Be(path);
        error.Value.Should().Be(value);
        error.Rule.Should().StartWith("is not valid JSON at column ").And.NotContain("LineNumber");
    }

    [Test]
    public void Reports_three_different_problems_at_once()
    {
        var json = BadScenarioCases.Edit(Valid, "\"ratePerSecond\": 100", "\"ratePerSecond\": -5");
        json = BadScenarioCases.Edit(json, "\"maxConcurrentPerInstance\": 80", "\"maxConcurrentPerInstance\": 0");
        json = BadScenarioCases.Edit(json, "\"warmUpSeconds\": 10,", "\"warmUpSeconds\": 10, \"horizn\": 5,");

        var errors = ErrorsOf(() => ScenarioFile.Parse(json));

        errors.Select(e => e.Path).Should().BeEquivalentTo("horizn", "function.arrivals.ratePerSecond", "policies[1].maxConcurrentPerInstance");
    }

    [Test]
    public void Reports_a_missing_file_with_its_path()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "no-such-dir", "missing-scenario.json");

        var errors = ErrorsOf(() => ScenarioFile.Load(path));

        var error = errors.Should().ContainSingle().Subject;
        error.Path.Should().Be(path);
        error.Value.Should().Contain(path);
        error.Rule.Should().Be("file not found");
    }

    [Test]
    public void Reports_a_directory_given_as_the_file()
    {
        var errors = ErrorsOf(() => ScenarioFile.Load(TestContext.CurrentContext.WorkDirectory));

        errors.Should().ContainSingle().Which.Path.Should().Be(TestContext.CurrentContext.WorkDirectory);
    }

    [Test]
    public void Reports_json_errors_of_a_loaded_file_as_file_and_line()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"broken-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\n  \"name\": \"x\",\n  \"horizonSeconds\": ,\n}\n");
        try
        {
            ErrorsOf(() => ScenarioFile.Load(path)).Should().ContainSingle().Which.Path.Should().Be($"{path}:3");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void The_exception_message_lists_every_error()
    {
        var json = BadScenarioCases.Edit(Valid, "\"horizonSeconds\": 100", "\"horizonSeconds\": -1");
        json = BadScenarioCases.Edit(json, "\"onePerInstance\"", "\"twoPerInstance\"");

        var act = () => ScenarioFile.Parse(json);

        act.Should().Throw<ScenarioValidationException>()
            .WithMessage("*2 problems*horizonSeconds: -1 must be a number greater than 0*policies[0].concurrency: \"twoPerInstance\" must be one of*");
    }

    internal static IReadOnlyList<ValidationError> ErrorsOf(Action parse)
    {
        try
        {
            parse();
        }
        catch (ScenarioValidationException e)
        {
            return e.Errors;
        }

        Assert.Fail("Expected a ScenarioValidationException.");
        return [];
    }

    private static void ShouldMatch(IDistribution actual, IDistribution expected)
    {
        actual.GetType().Should().Be(expected.GetType());
        actual.Mean.Should().BeApproximately(expected.Mean, 1e-12);
        if (actual is LogNormalDistribution a && expected is LogNormalDistribution e)
        {
            a.Mu.Should().BeApproximately(e.Mu, 1e-12);
            a.Sigma.Should().BeApproximately(e.Sigma, 1e-12);
        }
    }
}
