namespace ServerlessSim.Configuration;

/// <summary>Did-you-mean suggestions for misspelt field names and choices in a scenario file.</summary>
internal static class FieldSuggestions
{
    /// <summary>The furthest (in edits) a known name may be from what was written to be suggested.</summary>
    public const int MaxDistance = 3;

    /// <summary>The rule for an unknown field: a suggestion if one is close, otherwise the known fields.</summary>
    /// <remarks>E.g. <c>horizonSecond</c> among the top-level fields gives <c>is not a known field; did you mean "horizonSeconds"?</c>.</remarks>
    public static string UnknownFieldRule(string written, IReadOnlyList<string> known)
    {
        var closest = Closest(written, known);
        return closest is null
            ? $"is not a known field; known fields here: {string.Join(", ", known)}"
            : $"is not a known field; did you mean \"{closest}\"?";
    }

    /// <summary>The rule for an unknown choice, e.g. <c>must be one of: onePerInstance, manyPerInstance</c>, with a suggestion if one is close.</summary>
    public static string UnknownChoiceRule(string? written, IReadOnlyList<string> choices)
    {
        var rule = $"must be one of: {string.Join(", ", choices)}";
        var closest = written is null ? null : Closest(written, choices);
        return closest is null ? rule : $"{rule}; did you mean \"{closest}\"?";
    }

    /// <summary>The candidate nearest to <paramref name="written"/> ignoring case, if within <see cref="MaxDistance"/> edits (one per three characters written, at least one); the first on ties.</summary>
    /// <remarks>Short words get fewer edits: "xml" is 3 edits from "md", which is no suggestion; "jsn" is 1 from "json".</remarks>
    public static string? Closest(string written, IReadOnlyList<string> candidates)
    {
        string? best = null;
        var bestDistance = Math.Min(MaxDistance, Math.Max(1, written.Length / 3)) + 1;
        foreach (var candidate in candidates)
        {
            var distance = Distance(written.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The edit distance from a to b: the fewest single-character insertions, deletions, substitutions and swaps of neighbours.</summary>
    /// <remarks>The optimal string alignment distance: "vaule" is one edit (a swap) from "value", as a typist would count it.</remarks>
    public static int Distance(string a, string b)
    {
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
