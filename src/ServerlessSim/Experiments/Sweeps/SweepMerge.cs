using ServerlessSim.Configuration;

namespace ServerlessSim.Experiments.Sweeps;

/// <summary>Joins the parts of a sharded sweep into the result a single process would have produced.</summary>
/// <remarks>
/// The parts may come in any order. They must all be finished parts (not partial) of the same sweep (same
/// fingerprint and objective) with the same shard count, each shard exactly once, each holding exactly its own
/// points; anything else is rejected with every problem listed.
/// </remarks>
public static class SweepMerge
{
    /// <summary>Merges <paramref name="parts"/>, each with the name (e.g. the file path) to use in errors.</summary>
    /// <exception cref="ScenarioValidationException">The parts overlap, miss a shard, or do not belong together; every problem is listed.</exception>
    public static SweepResult Merge(IReadOnlyList<(string Source, SweepResult Part)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var errors = new List<ValidationError>();
        if (parts.Count == 0)
        {
            throw new ScenarioValidationException([new ValidationError("merge", "(no parts)", "needs the part files written by sweep --shard i/n")]);
        }

        var (firstSource, first) = parts[0];
        var byShard = new Dictionary<int, string>();
        foreach (var (source, part) in parts)
        {
            if (part.Shard is not { } shard)
            {
                errors.Add(new ValidationError(source, "(no shard)", "is a whole sweep, not a part; merge takes the files written by sweep --shard i/n"));
                continue;
            }

            if (part.Partial)
            {
                errors.Add(new ValidationError(source, Show(shard), $"is partial (the shard was cancelled or failed); run shard {shard} again"));
            }

            if (!part.Header.SameSweepAs(first.Header))
            {
                errors.Add(new ValidationError(source, Show(shard),
                    $"comes from a different sweep than {firstSource} (fingerprint {Short(part.Header.Fingerprint)} vs {Short(first.Header.Fingerprint)}): the scenario, parameters, seed, replications or simulator version differ"));
                continue;
            }

            if (part.Header.Objective != first.Header.Objective)
            {
                errors.Add(new ValidationError(source, Show(shard), $"has a different objective than {firstSource}; run every shard with the same objective"));
            }

            if (first.Shard is { } firstShard && shard.Count != firstShard.Count)
            {
                errors.Add(new ValidationError(source, Show(shard), $"is one of {shard.Count} shards but {firstSource} is one of {firstShard.Count}"));
                continue;
            }

            if (!byShard.TryAdd(shard.Index, source))
            {
                errors.Add(new ValidationError(source, Show(shard), $"is the same shard as {byShard[shard.Index]}: give each shard once"));
                continue;
            }

            var expected = Enumerable.Range(0, part.Header.PointCount).Where(shard.Contains).ToArray();
            var held = part.Points.Select(p => p.Index).ToArray();
            if (!held.SequenceEqual(expected))
            {
                errors.Add(new ValidationError(source, Show(shard),
                    $"holds points [{string.Join(", ", held)}] but shard {shard} of {part.Header.PointCount} points is [{string.Join(", ", expected)}]"));
            }
        }

        if (first.Shard is { } anyShard)
        {
            foreach (var missing in Enumerable.Range(0, anyShard.Count).Where(i => !byShard.ContainsKey(i)))
            {
                errors.Add(new ValidationError("merge", Show(new SweepShard(missing, anyShard.Count)),
                    $"is missing: no part given for it; give one part of each shard 0/{anyShard.Count} to {anyShard.Count - 1}/{anyShard.Count}"));
            }
        }

        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        var points = parts.SelectMany(p => p.Part.Points).OrderBy(p => p.Index).ToArray();
        return new SweepResult(first.Header, points, Partial: false, Shard: null);
    }

    private static string Show(SweepShard shard) => "shard " + shard.ToString();

    private static string Short(string fingerprint) => fingerprint.Length > 12 ? fingerprint[..12] : fingerprint;
}
