using System.Text;
using ServerlessSim.Tests.Configuration;
using static ServerlessSim.Tests.Robustness.BadInput;

namespace ServerlessSim.Tests.Robustness;

/// <summary>Bad scenario files given to <c>run</c>: the one-edit cases of <see cref="BadScenarioCases"/>, and whole-file cases (encoding, size, magnitudes).</summary>
internal static class ScenarioFileCases
{
    public const string Kind = "scenario file";
    private static readonly string Valid = BadScenarioCases.Valid;

    public static IEnumerable<BadInput> All() => FromBadScenarioCases().Concat(WholeFile());

    // Each parser case of BadScenarioCases, now through the command: the same path, value and rule on standard error.
    private static IEnumerable<BadInput> FromBadScenarioCases()
    {
        foreach (var data in BadScenarioCases.All())
        {
            var args = data.Arguments;
            var (json, path, value, rule, count) = ((string)args[0]!, (string)args[1]!, (string)args[2]!, (string)args[3]!, (int)args[4]!);
            var name = data.TestName!["Reports bad input: ".Length..];
            // The parser was told the text came from case.json; the command reads the file s.json.
            yield return Run(name, json, count, [path.Replace("case.json", "s.json", StringComparison.Ordinal) + ": ", value, rule]);
        }
    }

    private static IEnumerable<BadInput> WholeFile()
    {
        yield return Run("a byte that is not UTF-8 inside a name", Bytes(Utf8(Valid.Replace("\"t\"", "\"t\u0001\"", StringComparison.Ordinal)), 0x01, 0xFF), 1,
            ["s.json:2: ", "byte 13 (0xFF)", "is not UTF-8 text; save the file as UTF-8"]);
        yield return Run("a UTF-16 file", () => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Valid)).ToArray(), 1,
            ["s.json:1: ", "byte 1 (0xFF)", "(it looks like UTF-16)"]);
        yield return Run("an empty file", string.Empty, 1, ["s.json:1: ", "the file is empty"]);
        yield return Run("a file cut short", Valid[..(Valid.Length / 2)], 1, ["s.json:", "is not valid JSON at column"]);
        yield return Run("NaN, which JSON does not have", Edit("\"ratePerSecond\": 100", "\"ratePerSecond\": NaN"), 1, ["s.json:6: ", "NaN", "is not valid JSON"]);
        yield return Run("Infinity as a string", Edit("\"ratePerSecond\": 100", "\"ratePerSecond\": \"Infinity\""), 1,
            ["function.arrivals.ratePerSecond: ", "\"Infinity\"", "must be a number"]);
        yield return Run("text after the document", Valid + " x", 1, ["s.json:", "is not valid JSON"]);
        yield return Run("nesting deeper than JSON allows", new string('[', 200) + new string(']', 200), 1, ["s.json:1: ", "is not valid JSON", "depth"]);
        yield return Run("a horizon of 1e15 s", Edit("\"horizonSeconds\": 100", "\"horizonSeconds\": 1e15"), 1,
            ["horizonSeconds: ", "1e15", "greater than 0 and at most 1000000000"]);
        yield return Run("1e8 req/s over 1e9 s: 1e17 requests", Edit("\"horizonSeconds\": 100", "\"horizonSeconds\": 1e9").Replace("\"ratePerSecond\": 100", "\"ratePerSecond\": 1e8", StringComparison.Ordinal), 1,
            ["horizonSeconds: 1000000000 ", "1e+17 expected requests per replication", "must be at most 1e+11"]);
        yield return Run("an IO wait of 1e15 ms", Edit("\"ioWaitMs\": 50", "\"ioWaitMs\": 1e15"), 1,
            ["function.work.ioWaitMs: ", "1e15", "must be a number from 0 to 1000000000 (ms)"]);
        yield return Run("a lognormal whose mean is 6e66 ms", Edit("\"medianMs\": 10, \"p99Ms\": 40", "\"medianMs\": 1e-10, \"p99Ms\": 1e9"), 1,
            ["function.work.cpuMs: ", "lognormal", "must have a finite mean of at most 1000000000 ms"]);
        yield return Run("a cold start of 1e10 ms", Edit("\"ioWaitMs\": 50 }", "\"ioWaitMs\": 50 }, \"coldStartMs\": 1e10"), 1,
            ["function.coldStartMs: ", "1e10", "from 0 to 1000000000 (ms)"]);
        yield return Run("a time-series step of 1 ns", Edit("\"warmUpSeconds\": 10", "\"warmUpSeconds\": 10, \"timeSeriesStepSeconds\": 1e-9"), 1,
            ["timeSeriesStepSeconds: ", "1e-9", "gives more than 10000000 points over the horizon"]);
        yield return Run("a 10 MB name on one line", () => Utf8(Valid.Replace("\"t\"", "\"" + new string('n', 10_000_000) + "\"", StringComparison.Ordinal)), 1,
            ["name: ", "\"nnnnnnnnnn", "...\" is 10000000 characters long; a name may have at most 200"]);
        yield return Run("a policy name of 300 characters", Edit("\"name\": \"lambda\"", $"\"name\": \"{new string('p', 300)}\""), 1,
            ["policies[0].name: ", "is 300 characters long"]);
        yield return Run("two functions of the same name", Edit(
                "\"function\": {\n    \"arrivals\": { \"ratePerSecond\": 100 },\n    \"work\": { \"cpuMs\": { \"type\": \"lognormal\", \"medianMs\": 10, \"p99Ms\": 40 }, \"ioWaitMs\": 50 }\n  }",
                "\"functions\": [ { \"name\": \"a\", \"arrivals\": { \"ratePerSecond\": 1 }, \"work\": { \"cpuMs\": 1 } }, { \"name\": \"a\", \"arrivals\": { \"ratePerSecond\": 1 }, \"work\": { \"cpuMs\": 1 } } ]"), 1,
            ["functions[1].name: ", "\"a\"", "must be unique among the functions"]);
        yield return Run("a field with an empty name (found by the fuzzer)", Edit("\"name\": \"t\",", "\"name\": \"t\", \"\": 1,"), 1,
            ["[\"\"]: ", "\"\"", "is not a known field; known fields here: name, seed, horizonSeconds"]);
        yield return Run("a field whose name has a dot", Edit("\"ioWaitMs\": 50", "\"ioWaitMs\": 50, \"cpu.ms\": 5"), 1,
            ["function.work[\"cpu.ms\"]: ", "\"cpu.ms\"", "is not a known field"]);
        yield return Run("every problem of the file at once", Edit("\"horizonSeconds\": 100", "\"horizonSecnds\": 100")
                .Replace("\"ratePerSecond\": 100", "\"ratePerSecond\": -5", StringComparison.Ordinal)
                .Replace("\"maxConcurrentPerInstance\": 80", "\"maxConcurrentPerInstance\": 0", StringComparison.Ordinal)
                .Replace("\"onePerInstance\"", "\"onePerInvocation\"", StringComparison.Ordinal), 5,
            ["horizonSecnds: ", "did you mean \"horizonSeconds\"?"],
            ["horizonSeconds: (missing) is required"],
            ["function.arrivals.ratePerSecond: -5 "],
            ["policies[0].concurrency: \"onePerInvocation\" "],
            ["policies[1].maxConcurrentPerInstance: 0 "]);
        yield return Case(Kind, "a directory given as the scenario", [Folder("sub")], ["run", $"{Dir}/sub", "--out", $"{Dir}/out"], 1,
            ["sub: ", "\"sub\"", "is a directory, not a scenario file"]);
        yield return Case(Kind, "a scenario file that does not exist", [], ["run", $"{Dir}/none.json", "--out", $"{Dir}/out"], 1,
            ["none.json: ", "file not found"]);
        yield return Run("a prices file that is a directory", Edit("\"name\": \"t\",", "\"name\": \"t\", \"prices\": \"rates\","), 1,
            ["prices: ", "is a directory, not a price table file"], Folder("rates"));
    }

    private static string Edit(string find, string replacement) => BadScenarioCases.Edit(Valid, find, replacement);

    private static Func<byte[]> Bytes(byte[] bytes, byte find, byte replacement) => () => bytes.Select(b => b == find ? replacement : b).ToArray();

    private static BadInput Run(string name, string json, int problems, string[] expected, (string Name, Func<byte[]> Content) extra) =>
        Case(Kind, name, [File("s.json", json), extra], Args, problems, expected);

    private static BadInput Run(string name, Func<byte[]> bytes, int problems, params string[][] expected) =>
        Case(Kind, name, [File("s.json", bytes)], Args, problems, expected);

    private static BadInput Run(string name, string json, int problems, params string[][] expected) =>
        Case(Kind, name, [File("s.json", json)], Args, problems, expected);

    private static string[] Args => ["run", $"{Dir}/s.json", "--out", $"{Dir}/out"];
}
