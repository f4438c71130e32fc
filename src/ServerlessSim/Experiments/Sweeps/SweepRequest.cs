using ServerlessSim.Configuration;

namespace ServerlessSim.Experiments.Sweeps;

/// <summary>What to sweep: a scenario document, the parameters to vary, and settings that apply to every point.</summary>
/// <param name="ScenarioJson">The scenario file's text; its <c>experiment.sweep</c> and <c>experiment.objective</c>, if any, are used.</param>
/// <param name="SourceName">What to call the text in errors about malformed JSON, e.g. the file's path.</param>
public sealed record SweepRequest(string ScenarioJson, string SourceName = "scenario")
{
    /// <summary>A request for the scenario file at <paramref name="path"/> (errors in it name the path).</summary>
    /// <exception cref="ScenarioValidationException">The file is missing, unreadable or not UTF-8.</exception>
    public static SweepRequest FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new SweepRequest(InputFiles.ReadAllText(path, "scenario file"), path);
    }

    /// <summary>Parameters added after the file's <c>experiment.sweep.set</c> (the command line's <c>--set</c>).</summary>
    public IReadOnlyList<SweepParameter> Parameters { get; init; } = [];

    /// <summary>How the values combine; null for the file's <c>experiment.sweep.mode</c>, or grid.</summary>
    public SweepMode? Mode { get; init; }

    /// <summary>The objective; null for the file's <c>experiment.objective</c>, if any.</summary>
    public SweepObjective? Objective { get; init; }

    /// <summary>A seed for every point instead of the file's; null to keep it.</summary>
    public long? Seed { get; init; }

    /// <summary>A fixed number of replications for every point, replacing the file's replications and any precision target; null to keep them.</summary>
    public int? Replications { get; init; }
}
