using System.Text.Json;
using ServerlessSim.Cli;
using ServerlessSim.Tests.Configuration;

using ServerlessSim.Tests.TestSupport;

namespace ServerlessSim.Tests.Cli;

public class CliTests
{
    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    private static string HandComputable => ExampleFiles.PathOf("hand-computable.json");

    [Test]
    public async Task Run_json_prints_only_the_results_document_with_the_contract_fields()
    {
        var (exit, stdout, stderr) = await Run("run", HandComputable, "--json");

        exit.Should().Be(0, stderr);
        using var document = JsonDocument.Parse(stdout);
        var policies = document.RootElement.GetProperty("policies");
        policies.GetArrayLength().Should().Be(2);
        foreach (var policy in policies.EnumerateArray())
        {
            foreach (var field in new[] { "name", "requests", "completed", "throttled", "throttleRatio", "coldStarts", "coldStartRatio", "limitCounts" })
            {
                policy.TryGetProperty(field, out _).Should().BeTrue($"the contract requires '{field}'");
            }

            foreach (var (group, fields) in new[]
            {
                ("latencyMs", new[] { "mean", "p50", "p95", "p99", "max" }),
                ("instances", new[] { "mean", "max" }),
                ("inFlight", new[] { "mean" }),
                ("costUsd", new[] { "total", "perMillionRequests" }),
            })
            {
                foreach (var field in fields)
                {
                    policy.GetProperty(group).TryGetProperty(field, out _).Should().BeTrue($"the contract requires '{group}.{field}'");
                }
            }
        }

        policies[0].GetProperty("coldStarts").GetDouble().Should().Be(1);
        policies[0].GetProperty("latencyMs").GetProperty("max").GetDouble().Should().BeApproximately(700, 1e-6);
    }

    [Test]
    public async Task Compare_offers_the_asynchronous_three_ways()
    {
        var (exit, stdout, _) = await Run("compare", "--help");

        exit.Should().Be(0);
        stdout.Should().Contain("--async").And.Contain("SQS queue");
    }

    [Test]
    public async Task Replications_add_confidence_half_widths()
    {
        var (exit, stdout, _) = await Run("run", ExampleFiles.PathOf("hand-computable.json"), "--json", "--replications", "3");

        exit.Should().Be(0);
        using var document = JsonDocument.Parse(stdout);
        var policy = document.RootElement.GetProperty("policies")[0];
        policy.GetProperty("replications").GetInt32().Should().Be(3);
        policy.GetProperty("ci95HalfWidth").GetProperty("latencyMs").GetProperty("p99").ValueKind.Should().Be(JsonValueKind.Number);
    }

    [Test]
    public async Task Out_writes_results_csvs_and_a_report()
    {
        var directory = Path.Combine(Path.GetTempPath(), "serverless-sim-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, stdout, _) = await Run("run", HandComputable, "--out", directory);

            exit.Should().Be(0);
            stdout.Should().Contain("latency p99 (ms)").And.Contain("lambda");
            Directory.GetFiles(directory).Select(Path.GetFileName).Should().BeEquivalentTo(
                "results.json", "summary.csv", "cost.csv", "differences.csv", "latency-percentiles.csv", "timeseries-lambda.csv", "timeseries-many-k80.csv", "report.md",
                "latency-cdf.png", "latency-cdf.svg", "instances-over-time.png", "instances-over-time.svg",
                "throttles-cold-starts-over-time.png", "throttles-cold-starts-over-time.svg", "cost.png", "cost.svg");
            var cost = File.ReadAllLines(Path.Combine(directory, "cost.csv"));
            cost[0].Should().Be("policy,billing,totalUsd,perMillionRequestsUsd,perCpuSecondUsd,requestsUsd,computeBusyUsd,computeIdleUsd,initUsd,provisionedUsd,queueUsd,latencyP99Ms");
            cost.Should().HaveCount(3).And.Contain(line => line.StartsWith("lambda,LambdaPerRequest,", StringComparison.Ordinal));
            var series = File.ReadAllLines(Path.Combine(directory, "timeseries-lambda.csv"));
            series[0].Should().Be("timeSeconds,instances,busyInstances,inFlight,arrivals,completions,throttles,coldStarts,retries,waiting");
            series.Should().HaveCount(101, "a header and one row per second of the 100 s horizon");
            File.ReadAllText(Path.Combine(directory, "report.md")).Should().Contain("| latency p99 (ms) |").And.Contain("## Cost against latency")
                .And.Contain("![Latency CDF per policy (log scale)](latency-cdf.png)").And.Contain("(cost.png)");
            stdout.Should().Contain("wrote " + Path.Combine(directory, "cost.svg"));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Test]
    public async Task Compare_runs_the_built_in_scenario_and_lambda_throttles_in_the_spike()
    {
        var (exit, stdout, stderr) = await Run("compare", "--json", "--replications", "1");

        exit.Should().Be(0, stderr);
        using var document = JsonDocument.Parse(stdout);
        document.RootElement.GetProperty("scenario").GetProperty("name").GetString().Should().Be("io-heavy-api");
        var policies = document.RootElement.GetProperty("policies");
        policies[0].GetProperty("throttleRatio").GetDouble().Should().BeGreaterThan(0, "8,000 req/s needs more than 1,000 environments");
        policies[1].GetProperty("throttleRatio").GetDouble().Should().Be(0);
        policies[1].GetProperty("instances").GetProperty("max").GetDouble()
            .Should().BeLessThan(policies[0].GetProperty("instances").GetProperty("max").GetDouble());
    }

    [Test]
    public async Task The_table_shows_the_bills_parts_and_the_cheapest_policy_for_each_p99()
    {
        var (exit, stdout, stderr) = await Run("run", HandComputable);

        exit.Should().Be(0, stderr);
        stdout.Should().Contain("cost: requests (USD)").And.Contain("cost: compute busy (USD)").And.Contain("cost per CPU-hour of work (USD)");
        stdout.Should().NotContain("cost: queue (USD)", "no policy has a queue, so the row is left out");
        stdout.Should().Contain("cost vs latency, the cheapest option for each p99 target:").And.Contain("prices: built-in prices.json, as of 2026-11-26");
    }

    /// <remarks>
    /// The hand-computable scenario on Lambda: 99 requests of 500 ms and one 200 ms init at 1 GB = 49.7 GB-s. At
    /// $0.00001 per GB-s instead of $0.0000166667 that is $0.000497 of compute plus 99 x $0.0000002 for requests.
    /// </remarks>
    [Test]
    public async Task Prices_replaces_rows_from_a_file_and_the_results_say_so()
    {
        var prices = Path.Combine(Path.GetTempPath(), "serverless-sim-prices-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(prices, """{ "lambda": { "x86UsdPerGbSecond": { "value": 0.00001, "source": "test", "date": "2026-11-27" } } }""");
        try
        {
            var (exit, stdout, stderr) = await Run("run", HandComputable, "--json", "--prices", prices);

            exit.Should().Be(0, stderr);
            using var document = JsonDocument.Parse(stdout);
            var lambda = document.RootElement.GetProperty("policies")[0];
            lambda.GetProperty("costUsd").GetProperty("total").GetDouble().Should().BeApproximately((49.7 * 0.00001) + (99 * 0.0000002), 1e-15);
            var table = document.RootElement.GetProperty("scenario").GetProperty("prices");
            table.GetProperty("source").GetString().Should().Be($"built-in prices.json; 1 row from {prices}");
            table.GetProperty("asOf").GetString().Should().Be("2026-11-27");
            table.GetProperty("rows").GetProperty("lambda.x86UsdPerGbSecond").GetProperty("value").GetDecimal().Should().Be(0.00001m);
        }
        finally
        {
            File.Delete(prices);
        }
    }

    [Test]
    public async Task A_bad_price_file_lists_its_problems_with_file_and_path_and_exits_2()
    {
        var prices = Path.Combine(Path.GetTempPath(), "serverless-sim-prices-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(prices, """{ "lambda": { "x86UsdPerGbSecond": { "value": -1, "source": "test" } }, "sqss": {} }""");
        try
        {
            var (exit, stdout, stderr) = await Run("run", HandComputable, "--prices", prices);

            exit.Should().Be(2);
            stdout.Should().BeEmpty();
            stderr.Should().Contain("invalid input (3 problems)")
                .And.Contain($"{prices}:lambda.x86UsdPerGbSecond.value: -1 must be a number from 0 to 1000000 (USD per GB-second)")
                .And.Contain($"{prices}:lambda.x86UsdPerGbSecond.date: (missing) is required")
                .And.Contain($"{prices}:sqss: \"sqss\" is not a known field; did you mean \"sqs\"?")
                .And.NotContain("   at ");
        }
        finally
        {
            File.Delete(prices);
        }
    }

    private static IEnumerable<TestCaseData> InvalidInputs()
    {
        yield return new TestCaseData(new[] { "run", "/no/such/scenario.json" }, "/no/such/scenario.json").SetName("missing file");
        yield return new TestCaseData(new[] { "compare", "--replications", "0" }, "--replications: \"0\" must be an integer from 1 to 10000").SetName("replications 0");
        yield return new TestCaseData(new[] { "compare", "--threads", "-1" }, "--threads: \"-1\" must be an integer from 1 to 1024").SetName("threads -1");
        yield return new TestCaseData(new[] { "compare", "--replications", "many" }, "many").SetName("replications not a number");
        yield return new TestCaseData(new[] { "frobnicate" }, "frobnicate").SetName("unknown command");
        yield return new TestCaseData(new[] { "run" }, "run: (missing) SCENARIO is required").SetName("run without a file");
        yield return new TestCaseData(new[] { "compare", "--prices", "/no/such/prices.json" }, "/no/such/prices.json: \"/no/such/prices.json\" file not found").SetName("missing price file");
    }

    [TestCaseSource(nameof(InvalidInputs))]
    public async Task Invalid_arguments_exit_2_with_a_message_and_no_stack_trace(string[] args, string mentioned)
    {
        var (exit, _, stderr) = await Run(args);

        exit.Should().Be(2);
        stderr.Should().Contain(mentioned).And.NotContain("   at ");
    }

    [Test]
    public async Task An_invalid_scenario_file_lists_every_problem_with_its_path_and_exits_2()
    {
        var path = Path.Combine(Path.GetTempPath(), "serverless-sim-bad-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(path, """
            { "name": "x", "horizonSeconds": 10, "warmUpSeconds": 20,
              "function": { "arrivals": { "ratePerSecond": -5 }, "work": { "cpuMs": 10 } },
              "policies": [ { "concurrency": "manyPerInstance", "maxConcurrentPerInstance": 0 } ] }
            """);
        try
        {
            var (exit, stdout, stderr) = await Run("run", path, "--json");

            exit.Should().Be(2);
            stdout.Should().BeEmpty();
            stderr.Should().Contain("warmUpSeconds: 20").And.Contain("function.arrivals.ratePerSecond: -5")
                .And.Contain("policies[0].maxConcurrentPerInstance: 0").And.NotContain("   at ");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
