using ServerlessSim.Configuration;
using ServerlessSim.Experiments;
using ServerlessSim.Reporting;
using ServerlessSim.Workload.Traces;

namespace ServerlessSim.Fuzz;

/// <summary>
/// Feeds AFL++'s inputs to a parser: any exception but the parser's own validation error is a crash, which AFL++
/// records. Run it through tests/ServerlessSim.Fuzz/fuzz.sh (see docs/robustness.md#fuzzing).
/// </summary>
/// <remarks>
/// Every target reads its input from a file, as the command does, so the byte-level checks (UTF-8, size, line
/// length) are fuzzed too. The Azure 2019 target splits its input into invocations.csv, durations.csv and memory.csv
/// at lines holding only <c>~~~</c>. A trace that loads is also turned into a scenario and validated.
/// </remarks>
public static class Program
{
    private const string FileSeparator = "\n~~~\n";

    private static readonly Dictionary<string, Action<byte[], string>> Targets = new(StringComparer.Ordinal)
    {
        ["scenario"] = (input, directory) => ExperimentFile.Load(Write(directory, "scenario.json", input)),
        ["prices"] = (input, directory) => PriceTableFile.Load(Write(directory, "prices.json", input)),
        ["part"] = (input, directory) => SweepDocumentReader.Load(Write(directory, "part.json", input)),
        ["azure2019"] = (input, directory) => Replay(Azure2019Trace.Load(WriteDay(directory, input))),
        ["azure2021"] = (input, directory) => Replay(Azure2021Trace.Load(Write(directory, "trace.csv", input))),
        ["csv"] = (input, directory) => Replay(CsvTrace.Load(Write(directory, "trace.csv", input))),
    };

    public static int Main(string[] args)
    {
        if (args.Length != 1 || !Targets.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: ServerlessSim.Fuzz {string.Join('|', Targets.Keys)}   (input on stdin, from afl-fuzz)");
            return 2;
        }

        // One directory per fuzzed process, in memory where the system has it.
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var directory = Path.Combine(root, $"serverless-sim-fuzz-{args[0]}-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        try
        {
            SharpFuzz.Fuzzer.OutOfProcess.Run(stream => Run(target, Read(stream), directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }

    private static void Run(Action<byte[], string> target, byte[] input, string directory)
    {
        try
        {
            target(input, directory);
        }
        catch (ScenarioValidationException e) when (e.Errors.Count > 0 && e.Errors.All(error => error.Path.Length > 0 && error.Rule.Length > 0))
        {
            // The expected outcome for bad input: problems naming where and the rule. Anything else escapes: a crash.
        }
    }

    private static void Replay(TraceWorkload workload)
    {
        var builtIn = BuiltInScenarios.IoHeavyApi();
        ScenarioValidator.Validate(TraceReplay.ToScenario(workload, builtIn, builtIn.Function));
    }

    private static byte[] Read(Stream stream)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static string Write(string directory, string name, byte[] content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    // invocations.csv, durations.csv and memory.csv from one input; a part that is absent leaves its file absent.
    private static string WriteDay(string directory, byte[] input)
    {
        var day = Path.Combine(directory, "day");
        if (Directory.Exists(day))
        {
            Directory.Delete(day, recursive: true);
        }

        Directory.CreateDirectory(day);
        var separator = System.Text.Encoding.ASCII.GetBytes(FileSeparator);
        var rest = input.AsSpan();
        foreach (var name in new[] { Azure2019Trace.InvocationsFileName, Azure2019Trace.DurationsFileName, Azure2019Trace.MemoryFileName })
        {
            var end = rest.IndexOf(separator);
            var part = end < 0 || name == Azure2019Trace.MemoryFileName ? rest : rest[..end];
            File.WriteAllBytes(Path.Combine(day, name), part.ToArray());
            if (end < 0)
            {
                break;
            }

            rest = rest[(end + separator.Length)..];
        }

        return day;
    }
}
