using ServerlessSim.Experiments.Sweeps;
using ServerlessSim.Reporting;
using ServerlessSim.Tests.Configuration;
using static ServerlessSim.Tests.Robustness.BadInput;

namespace ServerlessSim.Tests.Robustness;

/// <summary>Bad command lines: option values, unknown options and commands, --out, sweep settings, merge parts, init.</summary>
internal static class CommandLineCases
{
    public const string Kind = "command line";

    private static readonly (string Name, Func<byte[]> Content) Scenario = File("s.json", BadScenarioCases.Valid);

    public static IEnumerable<BadInput> All() => Options().Concat(Commands()).Concat(Output()).Concat(Sweeps()).Concat(Merges()).Concat(Replays());

    private static IEnumerable<BadInput> Options()
    {
        yield return Run("--replications 0", ["--replications", "0"], ["--replications: ", "\"0\"", "must be an integer from 1 to 10000"]);
        yield return Run("--replications not a number", ["--replications", "many"], ["--replications: ", "\"many\"", "must be an integer"]);
        yield return Run("--replications 10001", ["--replications", "10001"], ["--replications: ", "\"10001\"", "from 1 to 10000"]);
        yield return Run("--seed not an integer", ["--seed", "1.5"], ["--seed: ", "\"1.5\"", "must be an integer from -9223372036854775808 to 9223372036854775807"]);
        yield return Run("--seed beyond 64 bits", ["--seed", "99999999999999999999"], ["--seed: ", "\"99999999999999999999\"", "must be an integer"]);
        yield return Run("--threads 0", ["--threads", "0"], ["--threads: ", "\"0\"", "must be an integer from 1 to 1024"]);
        yield return Run("--threads 100000", ["--threads", "100000"], ["--threads: ", "\"100000\"", "from 1 to 1024"]);
        yield return Run("--format xml", ["--format", "xml"], ["--format: ", "\"xml\"", "must be one of: table, json, csv, md"]);
        yield return Run("--format misspelt", ["--format", "jsn"], ["--format: ", "\"jsn\"", "did you mean \"json\"?"]);
        yield return Run("--json with --format csv", ["--json", "--format", "csv"], ["--json: ", "conflicts with --format csv"]);
        yield return Run("a misspelt option", ["--replication", "3"], 2, ["run: ", "\"--replication\"", "did you mean \"--replications\"?"], ["run: ", "\"3\"", "is an extra argument"]);
        yield return Case(Kind, "an option without its value", [Scenario], ["run", $"{Dir}/s.json", "--seed"], 1, ["--seed: ", "(missing)", "needs a value (--seed N)"]);
        yield return Run("an option given twice", ["--threads", "1", "--threads", "2"], ["--threads: ", "given 2 times; give it once"]);
        yield return Run("three bad options at once", ["--replications", "0", "--threads", "x", "--format", "xml"], 3,
            ["--replications: \"0\""], ["--threads: \"x\""], ["--format: \"xml\""]);
        yield return Case(Kind, "validate --threads 0", [], ["validate", "--threads", "0"], 1, ["--threads: ", "\"0\"", "must be an integer from 1 to 1024"]);
    }

    private static IEnumerable<BadInput> Commands()
    {
        yield return Case(Kind, "a misspelt command", [], ["compre"], 1, ["serverless-sim: ", "\"compre\" is not a command", "did you mean \"compare\"?"]);
        yield return Case(Kind, "no command", [], [], 1, ["serverless-sim: ", "(missing)", "a command is required: compare, run, replay"]);
        yield return Case(Kind, "run without a scenario", [], ["run"], 1, ["run: ", "(missing)", "SCENARIO is required"]);
        yield return Case(Kind, "run with two scenarios", [Scenario], ["run", $"{Dir}/s.json", $"{Dir}/s.json"], 1, ["run: ", "\"s.json\"", "is an extra argument: run takes SCENARIO"]);
        yield return Case(Kind, "a missing scenario and a missing price file", [], ["run", $"{Dir}/none.json", "--prices", $"{Dir}/none-prices.json"], 2,
            ["none.json: ", "file not found"], ["none-prices.json: ", "file not found"]);
        yield return Case(Kind, "init into a folder", [Folder("sub")], ["init", $"{Dir}/sub"], 1, ["path: ", "\"sub\"", "is a folder; give a file name such as sub/scenario.json"]);
        yield return Case(Kind, "init over an existing file", [Scenario], ["init", $"{Dir}/s.json"], 1, ["path: ", "\"s.json\"", "already exists; init does not overwrite a file without --force"]);
        yield return Case(Kind, "init inside a file", [Scenario], ["init", $"{Dir}/s.json/new.json"], 1, ["path: ", "is inside", "which is a file"]);
    }

    private static IEnumerable<BadInput> Output()
    {
        yield return Case(Kind, "--out is a file", [Scenario], ["run", $"{Dir}/s.json", "--out", $"{Dir}/s.json"], 1,
            ["--out: ", "\"s.json\"", "is a file; give a directory"]);
        yield return Case(Kind, "--out is a non-empty directory", [Scenario, File("out/results.json", "{}")], ["run", $"{Dir}/s.json", "--out", $"{Dir}/out"], 1,
            ["--out: ", "\"out\"", "is not empty (1 entry: results.json)", "or --force"]);
        yield return Case(Kind, "a bad scenario and a non-empty --out, together", [File("s.json", "{}"), File("out/notes.txt", "mine")], ["run", $"{Dir}/s.json", "--out", $"{Dir}/out"], 5,
            ["name: (missing) is required"], ["--out: ", "is not empty"]);
        yield return Case(Kind, "compare --out is a file", [Scenario], ["compare", "--out", $"{Dir}/s.json"], 1, ["--out: ", "is a file"]);
        yield return Case(Kind, "validate --out is a file", [Scenario], ["validate", "--quick", "--out", $"{Dir}/s.json"], 1, ["--out: ", "is a file"]);
    }

    private static IEnumerable<BadInput> Sweeps()
    {
        yield return Sweep("--set without a value", ["--set", "horizonSeconds"], 1, ["--set horizonSeconds: ", "must be PATH=VALUE[,VALUE...]"]);
        yield return Sweep("--set of a misspelt field", ["--set", "horizonSecnds=50"], 1, ["--set horizonSecnds=50: ", "did you mean \"horizonSeconds\"?"]);
        yield return Sweep("--set of a policy that does not exist", ["--set", "policies[5].name=x"], 1, ["--set policies[5].name=x: ", "policies[5] does not exist"]);
        yield return Sweep("--set values that break a rule", ["--set", "policies[1].maxConcurrentPerInstance=0,5"], 1,
            ["--set policies[1].maxConcurrentPerInstance=0,5: ", "policies[1].maxConcurrentPerInstance: 0 must be an integer from 1 to 10000"]);
        yield return Sweep("--set points whose warm-up passes the horizon", ["--set", "horizonSeconds=5,50"], 1,
            ["sweep point 0 (horizonSeconds=5): ", "warmUpSeconds: 10 must be less than horizonSeconds (5)"]);
        yield return Sweep("no parameter to sweep", [], 1, ["--set: ", "(missing)", "give at least one PATH=VALUES"]);
        yield return Sweep("--shard 2/2", ["--set", "seed=1,2", "--shard", "2/2"], 1, ["--shard: ", "\"2/2\"", "0 <= INDEX < COUNT <= 100000"]);
        yield return Sweep("--shard not INDEX/COUNT", ["--set", "seed=1,2", "--shard", "x"], 1, ["--shard: ", "\"x\""]);
        yield return Sweep("--grid with --zip", ["--set", "seed=1,2", "--grid", "--zip"], 1, ["--zip: ", "given with --grid; choose one of them"]);
        yield return Sweep("--max-throttle-ratio 2", ["--set", "seed=1,2", "--max-throttle-ratio", "2"], 1,
            ["--max-throttle-ratio: ", "\"2\"", "must be a number from 0 to 1 (a fraction of requests)"]);
        yield return Sweep("--max-p99-ms NaN", ["--set", "seed=1,2", "--max-p99-ms", "NaN"], 1, ["--max-p99-ms: ", "\"NaN\"", "must be a number greater than 0 (ms)"]);
        yield return Sweep("--objective-policy without a target", ["--set", "seed=1,2", "--objective-policy", "lambda"], 1, ["--objective-policy: ", "\"lambda\"", "needs a target: --max-p99-ms, --max-throttle-ratio or both"]);
        yield return Case(Kind, "a shard whose finished part is already there", [Scenario, File("out/sweep-part-0-of-2.json", Part(0, 2, partial: false))],
            ["sweep", $"{Dir}/s.json", "--set", "seed=1,2", "--shard", "0/2", "--out", $"{Dir}/out"], 1,
            ["--out: ", "\"out/sweep-part-0-of-2.json\"", "already exists (a finished part); a shard does not replace its part without --force"]);
    }

    private static IEnumerable<BadInput> Merges()
    {
        yield return Case(Kind, "merge a scenario file", [Scenario], ["merge", $"{Dir}/s.json", "--out", $"{Dir}/out"], 1,
            ["s.json: ", "is not a sweep document written by serverless-sim sweep"]);
        yield return Case(Kind, "merge the same part twice", [File("p0.json", Part(0, 2, partial: false))], ["merge", $"{Dir}/p0.json", $"{Dir}/p0.json", "--out", $"{Dir}/out"], 2,
            ["p0.json: ", "is the same shard as p0.json"], ["merge: ", "shard 1/2", "missing"]);
        yield return Case(Kind, "merge a partial part", [File("p0.json", Part(0, 1, partial: true))], ["merge", $"{Dir}/p0.json", "--out", $"{Dir}/out"], 1,
            ["p0.json: ", "is partial (the shard was cancelled or failed)"]);
        yield return Case(Kind, "merge a part edited by hand", [File("p0.json", Part(0, 1, partial: false).Replace("\"mean\": 1", "\"mean\": \"x\"", StringComparison.Ordinal))],
            ["merge", $"{Dir}/p0.json", "--out", $"{Dir}/out"], 1, ["p0.json:rows[0].mean: ", "\"x\"", "must be a finite number"]);
        yield return Case(Kind, "merge a truncated part", [File("p0.json", Part(0, 1, partial: false)[..200])], ["merge", $"{Dir}/p0.json", "--out", $"{Dir}/out"], 1,
            ["p0.json:", "is not valid JSON"]);
        yield return Case(Kind, "merge into a non-empty directory", [File("p0.json", Part(0, 1, partial: false))], ["merge", $"{Dir}/p0.json", "--out", Dir], 1,
            ["--out: ", "is not empty (1 entry: p0.json)"]);
        yield return Case(Kind, "merge without parts", [], ["merge"], 1, ["merge: ", "(missing) PARTS is required"]);
    }

    private static IEnumerable<BadInput> Replays()
    {
        yield return Case(Kind, "replay in an unknown format", [], ["replay", "azure2020", $"{Dir}/t.csv"], 1,
            ["format: ", "\"azure2020\"", "must be one of: azure2019, azure2021, csv"]);
        yield return Replay("--time-scale 0", ["--time-scale", "0"], ["--time-scale: ", "\"0\"", "must be a number greater than 0 and at most 1000000"]);
        yield return Replay("--rate-scale 1e4", ["--rate-scale", "1e4"], ["--rate-scale: ", "\"1e4\"", "at most 1000"]);
        yield return Replay("--cpu-fraction 2", ["--cpu-fraction", "2"], ["--cpu-fraction: ", "\"2\"", "must be a number from 0 to 1"]);
        yield return Replay("--spread misspelt", ["--spread", "evenly"], ["--spread: ", "\"evenly\"", "must be one of: uniform, evenlySpaced, poisson"]);
        yield return Replay("--functions not a selector", ["--functions", "busiest"], ["--functions: ", "\"busiest\"", "must be top:N (N >= 1)"]);
        yield return Replay("--functions top:0", ["--functions", "top:0"], ["--functions: ", "\"top:0\""]);
    }

    private static BadInput Run(string name, string[] options, params string[] expected) => Run(name, options, 1, expected);

    private static BadInput Run(string name, string[] options, int problems, params string[][] expected) =>
        Case(Kind, name, [Scenario], ["run", $"{Dir}/s.json", .. options, "--out", $"{Dir}/out"], problems, expected);

    private static BadInput Sweep(string name, string[] options, int problems, params string[][] expected) =>
        Case(Kind, name, [Scenario], ["sweep", $"{Dir}/s.json", .. options, "--out", $"{Dir}/out"], problems, expected);

    private static BadInput Replay(string name, string[] options, params string[] expected) =>
        Case(Kind, name, [File("t.csv", "timestamp\n1\n")], ["replay", "csv", $"{Dir}/t.csv", .. options, "--out", $"{Dir}/out"], 1, expected);

    // A part file as sweep --shard writes it: one point, one policy, one metric.
    private static string Part(int index, int count, bool partial)
    {
        var header = new SweepHeader("t", ["seed"], SweepMode.Grid, count, "0123456789abcdef", Objective: null);
        var points = new[] { new SweepPointResult(index, ["1"], [new SweepRow("lambda", "requests", 1, null, 1)]) };
        return SweepDocument.ToJson(new SweepResult(header, points, partial, new SweepShard(index, count)));
    }
}
