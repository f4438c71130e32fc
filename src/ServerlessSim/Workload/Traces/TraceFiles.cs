using ServerlessSim.Configuration;

namespace ServerlessSim.Workload.Traces;

/// <summary>What every trace reader does first: check the options, and find the files of a trace directory.</summary>
internal static class TraceFiles
{
    /// <summary>Azure's own file names for one day of the 2019 trace (dNN is the day).</summary>
    private const string AzureInvocations = "invocations_per_function_md.anon.d*.csv";
    private const string AzureDurations = "function_durations_percentiles.anon.d*.csv";
    private const string AzureMemory = "app_memory_percentiles.anon.d*.csv";

    /// <summary>A fresh problem list, after checking <paramref name="options"/> (paths <c>options.timeScale</c> and so on).</summary>
    /// <exception cref="ScenarioValidationException">The options have problems; reading stops before any file is opened.</exception>
    public static TraceProblems CheckOptions(TraceReplayOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors.Select(e => e with { Path = $"options.{e.Path}" }).ToArray(), "The trace options");
        }

        return new TraceProblems();
    }

    /// <summary>The three files of an Azure 2019 trace directory: invitro's names, or Azure's names for exactly one day; null (and a problem) if not found.</summary>
    public static (string Invocations, string Durations, string? Memory)? Resolve2019(string directory, TraceProblems problems)
    {
        if (!Directory.Exists(directory))
        {
            problems.Add(directory, $"\"{directory}\"", File.Exists(directory) ? "is a file; give the directory holding the trace's CSV files" : "directory not found");
            return null;
        }

        var invocations = Path.Combine(directory, Azure2019Trace.InvocationsFileName);
        if (File.Exists(invocations))
        {
            var memory = Path.Combine(directory, Azure2019Trace.MemoryFileName);
            return (invocations, Path.Combine(directory, Azure2019Trace.DurationsFileName), File.Exists(memory) ? memory : null);
        }

        var azureInvocations = Single(directory, AzureInvocations, Azure2019Trace.InvocationsFileName, problems, required: true);
        var azureDurations = Single(directory, AzureDurations, Azure2019Trace.DurationsFileName, problems, required: true);
        var azureMemory = Single(directory, AzureMemory, Azure2019Trace.MemoryFileName, problems, required: false);
        return azureInvocations is null || azureDurations is null ? null : (azureInvocations, azureDurations, azureMemory);
    }

    private static string? Single(string directory, string pattern, string invitroName, TraceProblems problems, bool required)
    {
        var matches = Directory.GetFiles(directory, pattern).Order(StringComparer.Ordinal).ToArray();
        if (matches.Length == 1)
        {
            return matches[0];
        }

        if (matches.Length > 1)
        {
            problems.Add(directory, $"{matches.Length} files {pattern}", "hold several days; pass the three files of one day");
        }
        else if (required)
        {
            problems.Add(directory, $"\"{directory}\"", $"has no {invitroName} (invitro's sample) nor one {pattern} (Azure's files)");
        }

        return null;
    }
}
