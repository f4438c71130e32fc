namespace ServerlessSim.Tests.TestSupport;

/// <summary>A small scenario file for sweep tests: 100 req/s for 30 s, two policies, two replications.</summary>
internal static class SweepScenarios
{
    public const string Small = """
        {
          "name": "small-sweep", "seed": 5, "horizonSeconds": 30, "warmUpSeconds": 5, "replications": 2,
          "account": { "concurrencyLimit": 40 },
          "function": {
            "memoryMb": 1024,
            "arrivals": { "ratePerSecond": 100 },
            "work": { "cpuMs": { "type": "exponential", "meanMs": 10 }, "ioWaitMs": { "type": "exponential", "meanMs": 150 } },
            "coldStartMs": 200,
            "keepAliveSeconds": 60
          },
          "policies": [
            { "name": "lambda", "concurrency": "onePerInstance" },
            { "name": "many", "concurrency": "manyPerInstance", "maxConcurrentPerInstance": 10, "vCpus": 1 }
          ]
        }
        """;

    /// <summary>Writes <paramref name="json"/> to a new temporary file and returns its path.</summary>
    public static string WriteTemporary(string json, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "scenario-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
