using System.Text;
using ServerlessSim.Configuration;

namespace ServerlessSim.Fuzz;

/// <summary>
/// Feeds AFL++'s inputs to a parser: any exception but the parser's own validation error is a crash, which AFL++
/// records. Run it through tests/ServerlessSim.Fuzz/fuzz.sh (see docs/robustness.md).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 1 || !Targets.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: ServerlessSim.Fuzz {string.Join('|', Targets.Keys)}   (input on stdin, from afl-fuzz)");
            return 2;
        }

        SharpFuzz.Fuzzer.OutOfProcess.Run(target);
        return 0;
    }

    private static readonly Dictionary<string, Action<Stream>> Targets = new(StringComparer.Ordinal)
    {
        ["scenario"] = ParseScenario,
    };

    private static void ParseScenario(Stream input)
    {
        using var reader = new StreamReader(input, new UTF8Encoding(false, throwOnInvalidBytes: false));
        try
        {
            ScenarioFile.Parse(reader.ReadToEnd(), "fuzz");
        }
        catch (ScenarioValidationException)
        {
            // The expected outcome for bad input: a validation error naming the field.
        }
    }
}
