namespace ServerlessSim.Experiments;

/// <summary>The outcome of <see cref="Mser5.Truncate"/>.</summary>
/// <param name="TruncatedPoints">Points to drop from the start of the series (a multiple of 5): the warm-up.</param>
/// <param name="Batches">Batches of 5 points in the series (m).</param>
/// <param name="TruncatedBatches">Batches dropped (d*).</param>
/// <param name="Statistic">MSER(d*): the variance of the kept batch means over the number kept, in the series' unit squared.</param>
/// <param name="AtSearchLimit">The minimum fell at the search limit (m / 2 batches): the transient may outlast half the run.</param>
public sealed record Mser5Result(int TruncatedPoints, int Batches, int TruncatedBatches, double Statistic, bool AtSearchLimit);
