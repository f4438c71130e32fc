namespace ServerlessSim.Workload;

/// <summary>How an hourly rate profile fills the time between its points.</summary>
public enum ProfileInterpolation
{
    /// <summary>Piecewise constant: hour h has exactly its rate, from h:00 to h+1:00 (a step at each hour).</summary>
    Step,

    /// <summary>Piecewise linear through the middle of each hour (h:30 has hour h's rate), wrapping from 23:30 to 00:30 of the next day.</summary>
    Linear,
}
