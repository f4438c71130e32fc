using ServerlessSim.Configuration;
using ServerlessSim.Policies;

namespace ServerlessSim.Tests.Configuration;

/// <summary>Bad scenario files, each one edit away from a valid one, with the error they must give.</summary>
internal static class BadScenarioCases
{
    /// <summary>A small valid scenario; each case changes one piece of it.</summary>
    public const string Valid = """
        {
          "name": "t",
          "horizonSeconds": 100,
          "warmUpSeconds": 10,
          "function": {
            "arrivals": { "ratePerSecond": 100 },
            "work": { "cpuMs": { "type": "lognormal", "medianMs": 10, "p99Ms": 40 }, "ioWaitMs": 50 }
          },
          "policies": [
            { "name": "lambda", "concurrency": "onePerInstance" },
            { "name": "many", "concurrency": "manyPerInstance", "maxConcurrentPerInstance": 80 }
          ]
        }
        """;

    private const string Rate = "\"ratePerSecond\": 100 }";
    private const string CpuMs = "{ \"type\": \"lognormal\", \"medianMs\": 10, \"p99Ms\": 40 }";
    private const string Lambda = "{ \"name\": \"lambda\", \"concurrency\": \"onePerInstance\" }";
    private const string K = "\"maxConcurrentPerInstance\": 80";

    // The whole policies array of the valid document, from its '[' to its ']'.
    private static string PoliciesArray
    {
        get
        {
            var start = Valid.IndexOf("\"policies\": [", StringComparison.Ordinal) + "\"policies\": ".Length;
            return Valid[start..(Valid.LastIndexOf(']') + 1)];
        }
    }

    /// <summary>The valid scenario with its second policy replaced by <paramref name="policyJson"/>, parsed: that policy.</summary>
    public static PolicyOptions SecondPolicy(string policyJson) =>
        ScenarioFile.Parse(Edit(Valid, "{ \"name\": \"many\", \"concurrency\": \"manyPerInstance\", " + K + " }", policyJson)).Policies[1];

    /// <summary>The errors <see cref="SecondPolicy"/> gives; none if the scenario parses.</summary>
    public static IReadOnlyList<ValidationError> SecondPolicyErrors(string policyJson)
    {
        try
        {
            SecondPolicy(policyJson);
            return [];
        }
        catch (ScenarioValidationException e)
        {
            return e.Errors;
        }
    }

    /// <summary>Replaces <paramref name="find"/> (which must occur) in <paramref name="json"/>.</summary>
    public static string Edit(string json, string find, string replacement)
    {
        if (!json.Contains(find, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{find}' is not in the document, so the case would test nothing.", nameof(find));
        }

        return json.Replace(find, replacement, StringComparison.Ordinal);
    }

    /// <summary>(json, expected path, text the value must contain, text the message must contain, number of errors).</summary>
    public static IEnumerable<TestCaseData> All()
    {
        // Syntax.
        yield return Case("malformed JSON names the line", "\"horizonSeconds\": 100,", "\"horizonSeconds\": 1 00,",
            "case.json:3", "1 00", "is not valid JSON at column");
        yield return Case("root not an object", Valid, "[1, 2]", "$", "[1, 2]", "must be a JSON object");

        // Unknown fields.
        yield return Case("top-level typo suggests the field", "\"horizonSeconds\": 100", "\"horizonSecond\": 100",
            "horizonSecond", "\"horizonSecond\"", "did you mean \"horizonSeconds\"?", count: 2);
        yield return Case("unknown top-level field", "\"name\": \"t\",", "\"name\": \"t\", \"horizonSecnds\": 5,",
            "horizonSecnds", "\"horizonSecnds\"", "did you mean \"horizonSeconds\"?");
        yield return Case("unknown nested field lists the known ones", Rate, "\"ratePerSecond\": 100, \"burstiness\": 3 }",
            "function.arrivals.burstiness", "\"burstiness\"", "known fields here: process, ratePerSecond, rateSchedule");
        yield return Case("field of another distribution type", "\"p99Ms\": 40", "\"p99Ms\": 40, \"meanMs\": 12",
            "function.work.cpuMs.meanMs", "\"meanMs\"", "did you mean \"medianMs\"?");
        yield return Case("field given twice", "\"name\": \"t\",", "\"name\": \"t\", \"name\": \"u\",", "name", "\"u\"", "more than once");

        // Choices.
        yield return Case("unknown concurrency", "\"onePerInstance\"", "\"onePerInvocation\"",
            "policies[0].concurrency", "\"onePerInvocation\"", "must be one of: onePerInstance, manyPerInstance");
        yield return Case("unknown distribution type", "\"lognormal\"", "\"weibull\"",
            "function.work.cpuMs.type", "\"weibull\"", "must be one of: constant, exponential, lognormal, gamma, empirical");
        yield return Case("unknown dispatch", Lambda, "{ \"name\": \"lambda\", \"concurrency\": \"onePerInstance\", \"dispatch\": \"random\" }",
            "policies[0].dispatch", "\"random\"", "must be one of: leastLoaded, packing, powerOfTwoChoices, firstAvailable, roundRobin");
        yield return Case("unknown arrival process", Rate, "\"ratePerSecond\": 100, \"process\": \"bursty\" }",
            "function.arrivals.process", "\"bursty\"", "must be one of: poisson, constant");
        yield return Case("distribution without a type", CpuMs, "{ \"medianMs\": 10 }", "function.work.cpuMs.type", "(missing)", "is required");

        // Missing required fields.
        yield return Case("missing name", "\"name\": \"t\",", string.Empty, "name", "(missing)", "is required");
        yield return Case("missing cpuMs", $"\"cpuMs\": {CpuMs}, ", string.Empty, "function.work.cpuMs", "(missing)", "is required");
        yield return Case("missing function", Valid, "{ \"name\": \"t\", \"horizonSeconds\": 1, \"policies\": [ { \"concurrency\": \"onePerInstance\" } ] }",
            "function", "(missing)", "is required");
        yield return Case("missing concurrency", Lambda, "{ \"name\": \"lambda\" }", "policies[0].concurrency", "(missing)", "is required");
        yield return Case("neither rate nor schedule", Rate, "}", "function.arrivals.ratePerSecond", "(missing)", "unless rateSchedule");
        yield return Case("required field set to null", "\"horizonSeconds\": 100", "\"horizonSeconds\": null", "horizonSeconds", "null", "is required");

        // Wrong types.
        yield return Case("string for a number", "\"horizonSeconds\": 100", "\"horizonSeconds\": \"abc\"",
            "horizonSeconds", "\"abc\"", "must be a number");
        yield return Case("NaN as a string", Rate, "\"ratePerSecond\": \"NaN\" }", "function.arrivals.ratePerSecond", "\"NaN\"", "must be a number");
        yield return Case("number for a name", "\"name\": \"t\"", "\"name\": 5", "name", "5", "must be a non-empty string");
        yield return Case("empty name", "\"name\": \"t\"", "\"name\": \" \"", "name", "\" \"", "must be a non-empty string");
        yield return Case("string for a flag", Lambda, "{ \"name\": \"lambda\", \"concurrency\": \"onePerInstance\", \"billing\": { \"freeTier\": \"yes\" } }",
            "policies[0].billing.freeTier", "\"yes\"", "must be true or false");
        yield return Case("unknown billing model", Lambda, "{ \"name\": \"lambda\", \"concurrency\": \"onePerInstance\", \"billing\": \"cloudRunRequestBase\" }",
            "policies[0].billing", "\"cloudRunRequestBase\"", "did you mean \"cloudRunRequestBased\"?");
        yield return Case("Arm without Lambda billing", Lambda, "{ \"name\": \"lambda\", \"concurrency\": \"onePerInstance\", \"billing\": { \"model\": \"azureFlexConsumption\", \"arm\": true } }",
            "policies[0].billing.arm", "true", "is only allowed with \"model\": \"lambdaPerRequest\"");
        yield return Case("billing neither name nor object", Lambda, "{ \"name\": \"lambda\", \"concurrency\": \"onePerInstance\", \"billing\": 3 }",
            "policies[0].billing", "3", "must be a billing model name or an object");
        yield return Case("prices not an object", "\"name\": \"t\",", "\"name\": \"t\", \"prices\": [1],",
            "prices", "[1]", "must be a price table file name (relative to the scenario file) or an object of price rows");
        yield return Case("inline negative price", "\"name\": \"t\",", "\"name\": \"t\", \"prices\": { \"sqs\": { \"requestUsdPerMillion\": { \"value\": -1, \"source\": \"s\", \"date\": \"2026-11-26\" } } },",
            "prices.sqs.requestUsdPerMillion.value", "-1", "must be a number from 0 to 1000000 (USD per million requests)");
        yield return Case("missing prices file", "\"name\": \"t\",", "\"name\": \"t\", \"prices\": \"no-such-prices.json\",",
            "prices", "\"no-such-prices.json\"", "file not found");
        yield return Case("string for a distribution", "\"ioWaitMs\": 50", "\"ioWaitMs\": \"ten\"", "function.work.ioWaitMs", "\"ten\"", "must be a number of milliseconds");
        yield return Case("object for the policies", PoliciesArray, "{ \"a\": 1 }", "policies", "{ \"a\": 1 }", "must be an array");

        // Ranges.
        yield return Case("negative rate", Rate, "\"ratePerSecond\": -5 }", "function.arrivals.ratePerSecond", "-5", "must be a number from 0 to 100000000");
        yield return Case("rate 1e12", Rate, "\"ratePerSecond\": 1e12 }", "function.arrivals.ratePerSecond", "1e12", "from 0 to 100000000");
        yield return Case("rate beyond a double", Rate, "\"ratePerSecond\": 1e400 }", "function.arrivals.ratePerSecond", "1e400", "from 0 to 100000000");
        yield return Case("K = 0", K, "\"maxConcurrentPerInstance\": 0", "policies[1].maxConcurrentPerInstance", "0", "must be an integer from 1 to 10000");
        yield return Case("K = 1.5", K, "\"maxConcurrentPerInstance\": 1.5", "policies[1].maxConcurrentPerInstance", "1.5", "must be an integer");
        yield return Case("K = 10001", K, "\"maxConcurrentPerInstance\": 10001", "policies[1].maxConcurrentPerInstance", "10001", "from 1 to 10000");
        yield return Case("vCpus = 0", K, $"{K}, \"vCpus\": 0", "policies[1].vCpus", "0", "greater than 0 and at most 1024");
        yield return Case("horizon 0", "\"horizonSeconds\": 100", "\"horizonSeconds\": 0", "horizonSeconds", "0", "must be a number greater than 0 and at most 1000000000");
        yield return Case("horizon -1", "\"horizonSeconds\": 100", "\"horizonSeconds\": -1", "horizonSeconds", "-1", "greater than 0");
        yield return Case("warm-up at least the horizon", "\"warmUpSeconds\": 10", "\"warmUpSeconds\": 150",
            "warmUpSeconds", "150", "must be less than horizonSeconds (100)");
        yield return Case("negative warm-up", "\"warmUpSeconds\": 10", "\"warmUpSeconds\": -2", "warmUpSeconds", "-2", "of at least 0");
        yield return Case("replications 0", "\"warmUpSeconds\": 10", "\"warmUpSeconds\": 10, \"replications\": 0", "replications", "0", "from 1 to 10000");
        yield return Case("seed 1.5", "\"warmUpSeconds\": 10", "\"warmUpSeconds\": 10, \"seed\": 1.5", "seed", "1.5", "must be an integer");
        yield return Case("time-series step past the horizon", "\"warmUpSeconds\": 10", "\"warmUpSeconds\": 10, \"timeSeriesStepSeconds\": 200",
            "timeSeriesStepSeconds", "200", "at most horizonSeconds (100)");
        yield return Case("account limit 0", "\"warmUpSeconds\": 10", "\"warmUpSeconds\": 10, \"account\": { \"concurrencyLimit\": 0 }",
            "account.concurrencyLimit", "0", "must be an integer of at least 1");
        yield return Case("memory 32", Rate, $"{Rate}, \"memoryMb\": 32", "function.memoryMb", "32", "from 64 to 32768 (MB)");
        yield return Case("maxInstances 0", Rate, $"{Rate}, \"maxInstances\": 0", "function.maxInstances", "0", "must be an integer of at least 1");
        yield return Case("keep-alive \"forever\"", Rate, $"{Rate}, \"keepAliveSeconds\": \"forever\"",
            "function.keepAliveSeconds", "\"forever\"", "or the string \"infinite\"");
        yield return Case("negative keep-alive", Rate, $"{Rate}, \"keepAliveSeconds\": -1", "function.keepAliveSeconds", "-1", "of at least 0 (seconds)");

        // Policies.
        yield return Case("duplicate policy names", "\"name\": \"many\"", "\"name\": \"lambda\"",
            "policies[1].name", "\"lambda\"", "must be unique among the policies; policies[0]");
        yield return Case("empty policies", PoliciesArray, "[]", "policies", "[]", "must list at least one policy");
        yield return Case("K given to one-per-instance", Lambda, "{ \"name\": \"lambda\", \"concurrency\": \"onePerInstance\", \"maxConcurrentPerInstance\": 10 }",
            "policies[0].maxConcurrentPerInstance", "10", "is only allowed with \"concurrency\": \"manyPerInstance\"");
        yield return Case("vCpus given to one-per-instance", Lambda, "{ \"name\": \"lambda\", \"concurrency\": \"onePerInstance\", \"vCpus\": 2 }",
            "policies[0].vCpus", "2", "is only allowed with");

        // Rate schedules.
        yield return Case("schedule not starting at 0", Rate, "\"rateSchedule\": [ { \"startSeconds\": 5, \"ratePerSecond\": 100 } ] }",
            "function.arrivals.rateSchedule[0].startSeconds", "5", "must be 0");
        yield return Case("non-increasing starts", Rate,
            "\"rateSchedule\": [ { \"startSeconds\": 0, \"ratePerSecond\": 1 }, { \"startSeconds\": 60, \"ratePerSecond\": 2 }, { \"startSeconds\": 30, \"ratePerSecond\": 3 } ] }",
            "function.arrivals.rateSchedule[2].startSeconds", "30", "must be greater than the previous segment's start (60)");
        yield return Case("negative rate in a schedule", Rate, "\"rateSchedule\": [ { \"startSeconds\": 0, \"ratePerSecond\": -1 } ] }",
            "function.arrivals.rateSchedule[0].ratePerSecond", "-1", "from 0 to 100000000");
        yield return Case("empty schedule", Rate, "\"rateSchedule\": [] }", "function.arrivals.rateSchedule", "[]", "non-empty array");
        yield return Case("rate and schedule both", Rate, "\"ratePerSecond\": 100, \"rateSchedule\": [ { \"startSeconds\": 0, \"ratePerSecond\": 7 } ] }",
            "function.arrivals.rateSchedule", "\"ratePerSecond\": 7", "cannot be given with ratePerSecond");

        // Distributions.
        yield return Case("lognormal p99 below the median", "\"p99Ms\": 40", "\"p99Ms\": 5", "function.work.cpuMs.p99Ms", "5", "must be at least medianMs (10)");
        yield return Case("lognormal median 0", "\"medianMs\": 10", "\"medianMs\": 0", "function.work.cpuMs.medianMs", "0", "greater than 0 and at most 1000000000 (ms)");
        yield return Case("lognormal with an overflowing mean", "\"medianMs\": 10, \"p99Ms\": 40", "\"medianMs\": 1e-300, \"p99Ms\": 1e9",
            "function.work.cpuMs.p99Ms", "1e9", "mean would not be a finite number");
        yield return Case("empirical without percentile 100", CpuMs, "{\"type\":\"empirical\",\"percentilesMs\":{\"0\":1,\"50\":10,\"99\":40}}",
            "function.work.cpuMs.percentilesMs", "\"99\":40", "must include percentiles 0 and 100");
        yield return Case("empirical percentiles decreasing", CpuMs, "{\"type\":\"empirical\",\"percentilesMs\":{\"0\":1,\"50\":10,\"75\":8,\"100\":40}}",
            "function.work.cpuMs.percentilesMs[\"75\"]", "8", "must be at least the value at percentile 50 (10)");
        yield return Case("empirical percentile 101", CpuMs, "{\"type\":\"empirical\",\"percentilesMs\":{\"0\":1,\"101\":10,\"100\":40}}",
            "function.work.cpuMs.percentilesMs[\"101\"]", "\"101\"", "must be a percentile");
        yield return Case("empirical negative sample", CpuMs, "{\"type\":\"empirical\",\"samplesMs\":[1, 2, -3]}",
            "function.work.cpuMs.samplesMs[2]", "-3", "from 0 to 1000000000 (ms)");
        yield return Case("empirical with no samples", CpuMs, "{\"type\":\"empirical\",\"samplesMs\":[]}",
            "function.work.cpuMs.samplesMs", "[]", "non-empty array");
        yield return Case("gamma shape 0", CpuMs, "{\"type\":\"gamma\",\"shape\":0,\"meanMs\":10}", "function.work.cpuMs.shape", "0", "greater than 0");
        yield return Case("exponential mean -1", CpuMs, "{\"type\":\"exponential\",\"meanMs\":-1}", "function.work.cpuMs.meanMs", "-1", "greater than 0 and at most 1000000000 (ms)");
        yield return Case("negative constant shorthand", "\"ioWaitMs\": 50", "\"ioWaitMs\": -50", "function.work.ioWaitMs", "-50", "from 0 to 1000000000 (ms)");
        yield return Case("negative constant", "\"ioWaitMs\": 50", "\"ioWaitMs\": {\"type\": \"constant\", \"valueMs\": -1}",
            "function.work.ioWaitMs.valueMs", "-1", "from 0 to 1000000000 (ms)");
    }

    private static TestCaseData Case(string name, string find, string replacement, string path, string value, string rule, int count = 1) =>
        new TestCaseData(Edit(Valid, find, replacement), path, value, rule, count).SetName($"Reports bad input: {name}");
}
