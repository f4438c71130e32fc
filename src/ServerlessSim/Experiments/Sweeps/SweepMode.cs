namespace ServerlessSim.Experiments.Sweeps;

/// <summary>How the values of several sweep parameters combine into points.</summary>
public enum SweepMode
{
    /// <summary>Every combination (the cartesian product), the last parameter varying fastest: values 1,2 and a,b give (1,a), (1,b), (2,a), (2,b).</summary>
    Grid,

    /// <summary>The i-th values together: every parameter has the same number of values; 1,2 and a,b give (1,a), (2,b).</summary>
    Zip,
}
