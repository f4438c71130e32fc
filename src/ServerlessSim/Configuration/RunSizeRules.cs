using System.Globalization;
using ServerlessSim.Experiments;
using ServerlessSim.Randomness;

namespace ServerlessSim.Configuration;

/// <summary>The rules that keep a run finite and its numbers exact: the expected requests, the durations, the names.</summary>
/// <remarks>
/// Each field may be in range alone while together they ask for the impossible: 1e8 req/s over 1e9 s is 1e17
/// requests, some 1,200 years of simulation. The bounds are <see cref="ScenarioValidator.MaxExpectedRequests"/>,
/// <see cref="ScenarioValidator.MaxMeanDurationSeconds"/> and <see cref="ScenarioValidator.MaxNameLength"/>
/// (docs/robustness.md explains each).
/// </remarks>
internal static class RunSizeRules
{
    /// <summary>Adds a problem if the scenario's functions expect more than the most requests a replication may have.</summary>
    public static void CheckExpectedRequests(Scenario scenario, ValidationErrors errors)
    {
        var horizon = scenario.Horizon.Seconds;
        var perFunction = scenario.Functions
            .Select(f => (f.Name, Expected: f.Arrivals?.ExpectedArrivals(0, horizon) ?? 0))
            .ToArray();
        var total = perFunction.Sum(f => f.Expected);
        if (total <= ScenarioValidator.MaxExpectedRequests)
        {
            return;
        }

        var busiest = perFunction.MaxBy(f => f.Expected);
        var rule = string.Create(CultureInfo.InvariantCulture,
            $"with these arrivals means {total:0.###e+0} expected requests per replication (function {busiest.Name}: {busiest.Expected / horizon:0.###e+0} req/s on average); " +
            $"must be at most {ScenarioValidator.MaxExpectedRequests:0e+0}, about 11 hours of simulation at 2.6 M requests/s: shorten the horizon or lower the rates");
        errors.Add("horizonSeconds", horizon, rule);
    }

    /// <summary>Adds a problem if <paramref name="distribution"/>'s mean is longer than the longest a duration may be.</summary>
    public static void CheckMeanDuration(string path, IDistribution distribution, ValidationErrors errors)
    {
        var mean = distribution.Mean;
        if (double.IsFinite(mean) && mean <= ScenarioValidator.MaxMeanDurationSeconds)
        {
            return;
        }

        errors.Add(path, distribution.Describe(), string.Create(CultureInfo.InvariantCulture,
            $"must have a finite mean of at most {ScenarioValidator.MaxMeanDurationSeconds * 1000:0} ms ({ScenarioValidator.MaxMeanDurationSeconds / 86400:0.#} days); its mean is {ValidationErrors.Show(mean * 1000)} ms"));
    }

    /// <summary>Adds a problem if <paramref name="name"/> is longer than <see cref="ScenarioValidator.MaxNameLength"/>.</summary>
    public static void CheckNameLength(string path, string? name, ValidationErrors errors)
    {
        if (name is { Length: > ScenarioValidator.MaxNameLength })
        {
            errors.AddShown(path, ValidationErrors.ShowShort(name), string.Create(CultureInfo.InvariantCulture,
                $"is {name.Length} characters long; a name may have at most {ScenarioValidator.MaxNameLength} (names become file names and table headers)"));
        }
    }
}
