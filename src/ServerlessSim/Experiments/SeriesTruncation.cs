using ServerlessSim.Engine;

namespace ServerlessSim.Experiments;

/// <summary>MSER-5 on one policy's averaged series.</summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="Series">The series: <c>inFlight</c> or <c>instances</c> (time-averaged per step).</param>
/// <param name="WarmUp">The start of the run the truncation drops.</param>
/// <param name="Result">The method's outcome on the series.</param>
public sealed record SeriesTruncation(string Policy, string Series, SimDuration WarmUp, Mser5Result Result);
