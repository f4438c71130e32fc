using ServerlessSim.Engine;

namespace ServerlessSim.Experiments;

/// <summary>The warm-up an experiment detected with MSER-5, and the truncation of each series it looked at.</summary>
/// <param name="WarmUp">The warm-up applied to every policy: the longest truncation of any series.</param>
/// <param name="PilotReplications">Replications per policy whose time series were averaged point by point before detection.</param>
/// <param name="Series">One truncation per policy and series, in policy order.</param>
public sealed record WarmUpDetection(SimDuration WarmUp, int PilotReplications, IReadOnlyList<SeriesTruncation> Series)
{
    /// <summary>Whether any series reached the search limit (half the run): the horizon may be too short for the transient.</summary>
    public bool AtSearchLimit => Series.Any(s => s.Result.AtSearchLimit);
}
