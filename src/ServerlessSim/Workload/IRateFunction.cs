namespace ServerlessSim.Workload;

/// <summary>A time-varying arrival rate with a known ceiling, for <see cref="ThinningStream"/>.</summary>
internal interface IRateFunction
{
    /// <summary>The highest rate ever reached, in requests per second.</summary>
    double MaxRatePerSecond { get; }

    /// <summary>The rate at <paramref name="seconds"/> from the start of the run, in requests per second (0..<see cref="MaxRatePerSecond"/>).</summary>
    double RateAt(double seconds);
}
