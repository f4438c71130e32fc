namespace ServerlessSim.Experiments.Sweeps;

/// <summary>What a sweep varies: its parameters and how their values combine.</summary>
/// <param name="Parameters">The parameters, in order (the columns of the output); at least one, each path once.</param>
/// <param name="Mode">Every combination (grid) or the i-th values together (zip).</param>
public sealed record SweepSpec(IReadOnlyList<SweepParameter> Parameters, SweepMode Mode = SweepMode.Grid)
{
    /// <summary>The points: for each, the index of each parameter's value, in the order the points are numbered.</summary>
    /// <remarks>Grid: row-major, the last parameter varying fastest; 3 values x 2 values give 6 points. Zip: one point per value.</remarks>
    public IReadOnlyList<int[]> Combinations()
    {
        var combinations = new List<int[]>();
        if (Parameters.Count == 0)
        {
            return combinations;
        }

        if (Mode == SweepMode.Zip)
        {
            for (var i = 0; i < Parameters[0].Values.Count; i++)
            {
                combinations.Add(Enumerable.Repeat(i, Parameters.Count).ToArray());
            }

            return combinations;
        }

        var current = new int[Parameters.Count];
        while (true)
        {
            combinations.Add((int[])current.Clone());
            var p = Parameters.Count - 1;
            while (p >= 0 && ++current[p] == Parameters[p].Values.Count)
            {
                current[p] = 0;
                p--;
            }

            if (p < 0)
            {
                return combinations;
            }
        }
    }
}
