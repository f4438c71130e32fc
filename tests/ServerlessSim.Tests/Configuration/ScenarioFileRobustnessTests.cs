using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessSim.Configuration;

namespace ServerlessSim.Tests.Configuration;

/// <summary>Whatever a scenario file holds, loading it either succeeds or throws <see cref="ScenarioValidationException"/>.</summary>
public class ScenarioFileRobustnessTests
{
    // Values that break some rule somewhere: wrong types, out of range, non-integers, overflow, empty containers.
    private static readonly string[] Junk =
    [
        "null", "\"x\"", "\"infinite\"", "\"NaN\"", "-1", "0", "-0", "1e-323", "0.5", "1.5", "1e12", "1e300", "1e400", "9223372036854775808",
        "true", "[]", "{}", "[1]", "{\"type\":\"gamma\"}", "{\"type\":\"empirical\",\"percentilesMs\":{\"0\":5,\"100\":1}}",
        "{\"type\":\"lognormal\",\"medianMs\":1e-310,\"p99Ms\":1e308}",
    ];

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    [TestCase(BadScenarioCases.Valid, TestName = "Any edit of the small valid scenario gives a validation error or a scenario")]
    [TestCase("""
        { "name": "e", "horizonSeconds": 10,
          "function": { "arrivals": { "rateSchedule": [ { "startSeconds": 0, "ratePerSecond": 1 }, { "startSeconds": 5, "ratePerSecond": 2 } ] },
                        "work": { "cpuMs": { "type": "empirical", "percentilesMs": { "0": 1, "50": 2, "100": 3 } },
                                  "ioWaitMs": { "type": "empirical", "samplesMs": [ 1, 2 ] } },
                        "coldStartMs": { "type": "gamma", "shape": 2, "meanMs": 3 }, "keepAliveSeconds": 1, "maxInstances": 3 },
          "account": { "concurrencyLimit": 5 }, "timeSeriesStepSeconds": 1, "seed": 3, "replications": 2, "warmUpSeconds": 1,
          "policies": [ { "name": "m", "concurrency": "manyPerInstance", "maxConcurrentPerInstance": 2, "vCpus": 1, "dispatch": "packing",
                          "limitCounts": "instances", "billing": { "model": "cloudRunRequestBased", "freeTier": true } },
                        { "name": "l", "concurrency": "onePerInstance", "billing": { "model": "lambdaPerRequest", "arm": true } } ],
          "prices": { "lambda": { "x86UsdPerGbSecond": { "value": 0.00002, "tiers": [ { "above": 1e9, "value": 0.00001 } ], "source": "s", "date": "2026-11-26", "note": "n" } } } }
        """, TestName = "Any edit of a scenario using every field gives a validation error or a scenario")]
    public void Replacing_or_removing_any_value_gives_a_validation_error_or_a_scenario(string json) => EditEverywhere(json);

    [Test]
    public void Any_edit_of_the_io_heavy_api_example_gives_a_validation_error_or_a_scenario() =>
        EditEverywhere(File.ReadAllText(ExampleFiles.PathOf("io-heavy-api.json")));

    private static void EditEverywhere(string json)
    {
        var document = JsonNode.Parse(json, documentOptions: Options)!;
        ScenarioFile.Parse(json).Should().NotBeNull("the starting document is valid");
        var edits = 0;
        foreach (var path in Paths(document))
        {
            foreach (var junk in Junk)
            {
                Check(Replace(document, path, JsonNode.Parse(junk)), $"{Show(path)} = {junk}");
                edits++;
            }

            Check(Replace(document, path, null, remove: true), $"without {Show(path)}");
        }

        edits.Should().BeGreaterThan(100);
    }

    private static void Check(string json, string because)
    {
        try
        {
            ScenarioFile.Parse(json);
        }
        catch (ScenarioValidationException e)
        {
            e.Errors.Should().NotBeEmpty(because);
            e.Errors.Should().OnlyContain(error => error.Path.Length > 0 && error.Value.Length > 0 && error.Rule.Length > 0, because);
        }
        catch (Exception e)
        {
            Assert.Fail($"{because}: {e.GetType().Name} escaped: {e.Message}");
        }
    }

    private static string Show(IReadOnlyList<object> path) =>
        string.Concat(path.Select((key, i) => key is int index ? $"[{index}]" : i == 0 ? (string)key : "." + key));

    // Every path in the document, as a list of object keys (string) and array indices (int).
    private static IEnumerable<IReadOnlyList<object>> Paths(JsonNode node, List<object>? prefix = null)
    {
        prefix ??= [];
        IEnumerable<(object Key, JsonNode? Child)> children = node switch
        {
            JsonObject o => o.Select(p => ((object)p.Key, p.Value)),
            JsonArray a => a.Select((child, i) => ((object)i, child)),
            _ => [],
        };
        foreach (var (key, child) in children.ToArray())
        {
            var path = new List<object>(prefix) { key };
            yield return path;
            if (child is not null)
            {
                foreach (var inner in Paths(child, path))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string Replace(JsonNode document, IReadOnlyList<object> path, JsonNode? value, bool remove = false)
    {
        var copy = document.DeepClone();
        var parent = copy;
        foreach (var key in path.Take(path.Count - 1))
        {
            parent = key is int i ? parent[i]! : parent[(string)key]!;
        }

        switch (path[^1], remove)
        {
            case (string key, true):
                parent.AsObject().Remove(key);
                break;
            case (int index, true):
                parent.AsArray().RemoveAt(index);
                break;
            case (string key, false):
                parent[key] = value;
                break;
            case (int index, false):
                parent[index] = value;
                break;
        }

        return copy.ToJsonString();
    }
}
