namespace ServerlessSim.Experiments.Sweeps;

/// <summary>The results of one sweep point.</summary>
/// <param name="Index">The point's number.</param>
/// <param name="Values">Each parameter's value, as JSON text, in the parameters' order.</param>
/// <param name="Rows">Every policy's every metric, policies in the scenario's order, metrics in the results document's order.</param>
public sealed record SweepPointResult(int Index, IReadOnlyList<string> Values, IReadOnlyList<SweepRow> Rows)
{
    /// <summary>The row of <paramref name="policy"/>'s <paramref name="metric"/>, or null.</summary>
    public SweepRow? Find(string policy, string metric) => Rows.FirstOrDefault(r => r.Policy == policy && r.Metric == metric);
}
