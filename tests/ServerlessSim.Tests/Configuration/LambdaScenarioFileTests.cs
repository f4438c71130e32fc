using ServerlessSim.Configuration;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Invocation;
using ServerlessSim.Policies.KeepAlive;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Randomness;

namespace ServerlessSim.Tests.Configuration;

/// <summary>AWS Lambda's rules in scenario files: presets, per-request scaling fields, reservations, invocation and errors; and their errors.</summary>
public class LambdaScenarioFileTests
{
    private const string Lambda = "{ \"name\": \"lambda\", \"concurrency\": \"onePerInstance\" }";
    private const string FunctionEnd = "\"ioWaitMs\": 50 }";

    private static Scenario Parse(string policyJson = Lambda, string functionFields = "") => ScenarioFile.Parse(
        BadScenarioCases.Edit(BadScenarioCases.Edit(BadScenarioCases.Valid, Lambda, policyJson), FunctionEnd, FunctionEnd + functionFields));

    private static IReadOnlyList<ValidationError> Errors(string policyJson = Lambda, string functionFields = "")
    {
        try
        {
            Parse(policyJson, functionFields);
            return [];
        }
        catch (ScenarioValidationException e)
        {
            return e.Errors;
        }
    }

    [Test]
    public void The_awsLambda_preset_alone_is_the_library_preset()
    {
        Parse("""{ "preset": "awsLambda" }""").Policies[0].Should().Be(Presets.AwsLambda);
    }

    [Test]
    public void None_lifts_the_presets_request_rate()
    {
        var scaling = (PerRequestScalingOptions)Parse("""{ "preset": "awsLambda", "scaling": { "requestRatePerConcurrency": "none" } }""").Policies[0].Scaling!;

        scaling.RequestRatePerConcurrency.Should().BeNull();
        scaling.ScalingRate.Should().Be(ScalingRateOptions.AwsLambda, "only the field given changes");
    }

    [Test]
    public void The_legacy_preset_takes_its_regional_burst_from_the_scaling_rate()
    {
        var policy = Parse("""{ "preset": "awsLambdaLegacyBurst", "scaling": { "scalingRate": { "type": "legacyBurst", "initialBurst": 500 } } }""").Policies[0];

        ((PerRequestScalingOptions)policy.Scaling!).ScalingRate.Should().Be(new LegacyBurstScalingRate(500));
        policy.Preset.Should().Be("awsLambdaLegacyBurst");
    }

    [Test]
    public void Every_per_request_field_reads_as_its_option()
    {
        var policy = Parse("""
            { "preset": "awsLambda", "scaling": {
                "scalingRate": { "type": "tokenBucket", "environments": 500, "periodSeconds": 5 }, "requestRatePerConcurrency": 4,
                "keepAlive": "measuredAwsLambda2021", "idleChoice": "leastRecentlyUsed", "maxLifetimeMs": 7200000,
                "initTimeoutSeconds": 10, "functionTimeoutSeconds": 29,
                "provisionedConcurrency": { "steps": [ { "atSeconds": 0, "environments": 5 }, { "atSeconds": 3600, "environments": 50 } ], "repeatEverySeconds": 86400 } } }
            """).Policies[0];

        policy.Scaling.Should().Be(new PerRequestScalingOptions
        {
            ScalingRate = new TokenBucketScalingRate(500, SimDuration.FromSeconds(5)),
            RequestRatePerConcurrency = 4,
            KeepAlive = IdleLifetimeKeepAlive.MeasuredAwsLambda2021,
            IdleChoice = IdleEnvironmentChoice.LeastRecentlyUsed,
            MaxLifetime = new ConstantDistribution(7200),
            InitTimeout = SimDuration.FromSeconds(10),
            FunctionTimeout = SimDuration.FromSeconds(29),
            ProvisionedConcurrency = ((PerRequestScalingOptions)policy.Scaling!).ProvisionedConcurrency,
        });
        var provisioned = ((PerRequestScalingOptions)policy.Scaling!).ProvisionedConcurrency!;
        provisioned.Steps.Should().Equal(new ProvisionedStep(SimDuration.Zero, 5), new ProvisionedStep(SimDuration.FromSeconds(3600), 50));
        provisioned.RepeatEvery.Should().Be(SimDuration.FromSeconds(86400));
    }

    [Test]
    public void The_hybrid_policy_reads_its_windows_in_minutes()
    {
        var scaling = (PerRequestScalingOptions)Parse("""
            { "name": "h", "concurrency": "onePerInstance", "scaling": { "type": "perRequest",
              "keepAlive": { "type": "hybridHistogram", "rangeMinutes": 120, "headPercentile": 10, "minObservations": 20 } } }
            """).Policies[0].Scaling!;

        scaling.KeepAlive.Should().Be(HybridHistogramKeepAlive.Paper with
        {
            Range = SimDuration.FromMinutes(120), HeadPercentile = 10, MinObservations = 20,
        });
    }

    [Test]
    public void A_string_turns_a_presets_rule_off_or_picks_a_named_one()
    {
        var scaling = (PerRequestScalingOptions)Parse("""{ "preset": "awsLambda", "scaling": { "scalingRate": "none", "keepAlive": "fixed" } }""").Policies[0].Scaling!;

        scaling.ScalingRate.Should().BeNull();
        scaling.KeepAlive.Should().BeNull();
        scaling.InitTimeout.Should().Be(PerRequestScalingOptions.LambdaInitTimeout, "the preset's other rules stay");
    }

    [Test]
    public void A_functions_reservation_invocation_and_errors_are_read()
    {
        var function = Parse(functionFields: """
            , "reservedConcurrency": 200, "errorProbability": 0.01,
              "invocation": { "type": "sync", "retry": { "maxAttempts": 5, "baseDelayMs": 100, "maxDelayMs": 5000 } }
            """).Function;

        function.ReservedConcurrency.Should().Be(200);
        function.ErrorProbability.Should().Be(0.01);
        function.Invocation.Should().Be(new SynchronousInvocation(new ClientRetryOptions(5, SimDuration.FromMilliseconds(100), SimDuration.FromSeconds(5))));
        Parse(functionFields: ", \"invocation\": \"async\"").Function.Invocation.Should().Be(AsynchronousInvocation.Default);
        Parse(functionFields: ", \"invocation\": { \"type\": \"async\", \"maxEventAgeSeconds\": 3600, \"maxRetryAttempts\": 0 }").Function.Invocation
            .Should().Be(new AsynchronousInvocation(SimDuration.FromSeconds(3600), 0));
        Parse(functionFields: ", \"invocation\": { \"type\": \"sync\", \"retry\": \"awsSdkStandard\" }").Function.Invocation
            .Should().Be(new SynchronousInvocation(ClientRetryOptions.AwsSdkStandard));
    }

    // (function fields or policy, path, shown value, text of the rule)
    private static IEnumerable<TestCaseData> BadLambdaFields()
    {
        yield return Function(", \"reservedConcurrency\": 950", "function.reservedConcurrency", "950", "at most account.concurrencyLimit (1000) - 100 = 900");
        yield return Function(", \"reservedConcurrency\": -1", "function.reservedConcurrency", "-1", "integer of at least 0");
        yield return Function(", \"errorProbability\": 1.5", "function.errorProbability", "1.5", "from 0 to 1");
        yield return Function(", \"invocation\": \"asnyc\"", "function.invocation", "\"asnyc\"", "did you mean \"async\"");
        yield return Function(", \"invocation\": { \"type\": \"async\", \"maxEventAgeSeconds\": 30 }", "function.invocation.maxEventAgeSeconds", "30", "from 60 to 21600");
        yield return Function(", \"invocation\": { \"type\": \"async\", \"maxRetryAttempts\": 3 }", "function.invocation.maxRetryAttempts", "3", "from 0 to 2");
        yield return Function(", \"invocation\": { \"type\": \"sync\", \"retry\": { \"maxAttempts\": 0 } }", "function.invocation.retry.maxAttempts", "0", "from 1 to 100");
        yield return Function(", \"invocation\": { \"type\": \"sync\", \"maxEventAgeSeconds\": 60 }", "function.invocation.maxEventAgeSeconds", "\"maxEventAgeSeconds\"", "not a known field");
        yield return Policy("{ \"preset\": \"awsLamda\" }", "policies[0].preset", "\"awsLamda\"", "did you mean \"awsLambda\"");
        yield return Policy("{ \"preset\": \"awsLambda\", \"scaling\": { \"scalingRate\": \"fast\" } }", "policies[0].scaling.scalingRate", "\"fast\"", "must be one of: none, awsLambda");
        yield return Policy("{ \"preset\": \"awsLambda\", \"scaling\": { \"scalingRate\": { \"type\": \"tokenBucket\", \"environments\": 0 } } }",
            "policies[0].scaling.scalingRate.environments", "0", "integer from 1");
        yield return Policy("{ \"preset\": \"awsLambda\", \"scaling\": { \"keepAlive\": { \"type\": \"idleLifetime\" } } }",
            "policies[0].scaling.keepAlive.idleLifetimeMs", "(missing)", "is required");
        yield return Policy("{ \"preset\": \"awsLambda\", \"scaling\": { \"requestRatePerConcurrency\": 0 } }", "policies[0].scaling.requestRatePerConcurrency", "0", "must be a number greater than 0 and at most 1000000");
        yield return Policy("{ \"preset\": \"awsLambda\", \"scaling\": { \"requestRatePerConcurrency\": 0.0005 } }", "policies[0].scaling.requestRatePerConcurrency", "0.0005", "x 1000 (the smallest reservation, or the concurrency left unreserved) must allow at least 1 invocation a second");
        yield return Policy("{ \"preset\": \"awsLambda\", \"scaling\": { \"requestRatePerConcurrency\": \"fast\" } }", "policies[0].scaling.requestRatePerConcurrency", "\"fast\"", "or \"none\"");
        yield return Policy("{ \"preset\": \"awsLambda\", \"scaling\": { \"idleChoice\": \"oldest\" } }", "policies[0].scaling.idleChoice", "\"oldest\"", "must be one of");
        yield return Policy("{ \"preset\": \"awsLambda\", \"scaling\": { \"initTimeoutSeconds\": 0 } }", "policies[0].scaling.initTimeoutSeconds", "0", "greater than 0");
        yield return Policy("{ \"preset\": \"awsLambda\", \"scaling\": { \"provisionedConcurrency\": -5 } }", "policies[0].scaling.provisionedConcurrency", "-5", "integer from 0");
        yield return Policy("{ \"preset\": \"awsLambda\", \"scaling\": { \"provisionedConcurrency\": 950 } }", "policies[0].scaling.provisionedConcurrency", "950",
            "more than account.concurrencyLimit (1000) - 100");
        yield return Policy(
            "{ \"preset\": \"awsLambda\", \"scaling\": { \"provisionedConcurrency\": { \"steps\": [ { \"atSeconds\": 10, \"environments\": 1 }, { \"atSeconds\": 5, \"environments\": 2 } ] } } }",
            "policies[0].scaling.provisionedConcurrency.steps[1].atSeconds", "5", "later than the step before");
        yield return Policy(
            "{ \"preset\": \"awsLambda\", \"scaling\": { \"provisionedConcurrency\": { \"steps\": [ { \"atSeconds\": 90000, \"environments\": 1 } ], \"repeatEverySeconds\": 86400 } } }",
            "policies[0].scaling.provisionedConcurrency.steps[0].atSeconds", "90000", "before repeatEverySeconds");
        yield return Policy("{ \"preset\": \"cloudRun\", \"scaling\": { \"initTimeoutSeconds\": 10 } }", "policies[0].scaling.initTimeoutSeconds", "\"initTimeoutSeconds\"", "not a known field");
    }

    private static TestCaseData Function(string fields, string path, string value, string rule) =>
        new TestCaseData(Lambda, fields, path, value, rule).SetName($"Function field: {path} = {value}");

    private static TestCaseData Policy(string policy, string path, string value, string rule) =>
        new TestCaseData(policy, string.Empty, path, value, rule).SetName($"Policy field: {path} = {value}");

    [TestCaseSource(nameof(BadLambdaFields))]
    public void A_bad_Lambda_field_names_its_path_value_and_rule(string policy, string functionFields, string path, string value, string rule)
    {
        var errors = Errors(policy, functionFields);

        errors.Should().ContainSingle(e => e.Path == path, string.Join("\n", errors))
            .Which.Should().Match<ValidationError>(e => e.Value == value && e.Rule.Contains(rule, StringComparison.Ordinal));
    }
}
