using System.Globalization;
using ServerlessSim.Configuration;

namespace ServerlessSim.Experiments.Sweeps;

/// <summary>A deterministic slice of a sweep's points: shard i of n runs the points whose index is i modulo n.</summary>
/// <remarks>
/// Round-robin rather than contiguous blocks, so that a sweep over an ordered parameter (K = 1..200) gives every
/// shard cheap and expensive points alike. E.g. 9 points in 2 shards: 0/2 runs points 0, 2, 4, 6, 8 and 1/2 runs
/// 1, 3, 5, 7. A shard with no point (more shards than points) writes an empty part.
/// </remarks>
/// <param name="Index">This shard, from 0 to <paramref name="Count"/> - 1.</param>
/// <param name="Count">How many shards the sweep is split into (1..100,000).</param>
public sealed record SweepShard(int Index, int Count)
{
    /// <summary>The most shards.</summary>
    public const int MaxCount = 100_000;

    /// <summary>Whether point <paramref name="pointIndex"/> belongs to this shard.</summary>
    public bool Contains(int pointIndex) => pointIndex % Count == Index;

    /// <summary>The text form, <c>i/n</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Parses <c>INDEX/COUNT</c> (e.g. <c>0/4</c>), as given to <c>--shard</c>.</summary>
    /// <exception cref="ScenarioValidationException">Not two integers with 0 &lt;= INDEX &lt; COUNT &lt;= 100,000.</exception>
    public static SweepShard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        const NumberStyles Digits = NumberStyles.None;
        if (slash >= 0 &&
            int.TryParse(text.AsSpan(0, slash), Digits, CultureInfo.InvariantCulture, out var index) &&
            int.TryParse(text.AsSpan(slash + 1), Digits, CultureInfo.InvariantCulture, out var count) &&
            count is >= 1 and <= MaxCount && index < count)
        {
            return new SweepShard(index, count);
        }

        var rule = slash == 0
            ? "has no index before the '/': is the variable holding it (JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID) set?"
            : $"must be INDEX/COUNT with whole numbers 0 <= INDEX < COUNT <= {MaxCount}, e.g. 0/4";
        throw new ScenarioValidationException([new ValidationError("--shard", ValidationErrors.Show(text), rule)]);
    }
}
