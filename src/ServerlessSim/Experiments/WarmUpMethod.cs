namespace ServerlessSim.Experiments;

/// <summary>How an experiment decides the warm-up excluded from its statistics.</summary>
public enum WarmUpMethod
{
    /// <summary>The scenario's own warm-up (<see cref="Scenario.WarmUp"/>), as given.</summary>
    Fixed,

    /// <summary>Detected by <see cref="Mser5"/> on pilot replications' time series (see <see cref="WarmUpDetection"/>).</summary>
    Mser5,
}
