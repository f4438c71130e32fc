namespace ServerlessSim.Cli;

/// <summary>The commented scenario <c>serverless-sim init</c> writes: every section, its units, and what to change first.</summary>
internal static class StarterScenario
{
    // Kept loadable by a test (init, then run): every field here is real and within its range.
    public const string Json = """
        // A starter scenario for serverless-sim (format: docs/scenario-format.md).
        // Run it:   serverless-sim run scenario.json          (add --out report for charts and report.md)
        // Units are in the field names: ...Seconds, ...Ms (milliseconds), memoryMb. Comments are allowed.
        {
          "name": "my-api",
          "seed": 1,                   // same seed, same results, whatever the number of threads
          "horizonSeconds": 600,       // arrivals stop here; requests in flight are then drained
          "warmUpSeconds": 60,         // excluded from every statistic
          "replications": 3,           // 2 or more give 95% confidence intervals

          "account": {
            "concurrencyLimit": 1000   // AWS Lambda's default; what it counts is each policy's limitCounts
          },

          "function": {
            "name": "api",
            "memoryMb": 1024,          // one request per instance gets 1024 / 1769 of a vCPU (Lambda's rule)
            "arrivals": {
              "process": "poisson",
              // 200 requests/s, then a burst to 2,000 requests/s for a minute
              "rateSchedule": [
                { "startSeconds": 0, "ratePerSecond": 200 },
                { "startSeconds": 300, "ratePerSecond": 2000 },
                { "startSeconds": 360, "ratePerSecond": 200 }
              ]
            },
            "work": {
              // Each request: a CPU phase, then waiting on a database or an API (no CPU used).
              "cpuMs": { "type": "lognormal", "medianMs": 10, "p99Ms": 40 },
              "ioWaitMs": { "type": "lognormal", "medianMs": 150, "p99Ms": 600 }
            },
            "coldStartMs": { "type": "lognormal", "medianMs": 250, "p99Ms": 900 },
            "keepAliveSeconds": 600    // how long an idle instance is kept; or "infinite"
          },

          // The execution models to compare, all on the same traffic.
          "policies": [
            // AWS Lambda: one request per instance, the limit counts requests in flight, billed per request and GB-s.
            { "name": "lambda", "concurrency": "onePerInstance" },
            // Cloud Run style: up to 80 requests share an instance's vCPU, billed for instance time.
            { "name": "many-k80", "concurrency": "manyPerInstance", "maxConcurrentPerInstance": 80, "vCpus": 1 }
          ]
        }

        """;
}
