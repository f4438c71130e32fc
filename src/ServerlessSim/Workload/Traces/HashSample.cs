namespace ServerlessSim.Workload.Traces;

/// <summary>A deterministic sample of about <see cref="Keep"/> in <see cref="Modulus"/> functions: those whose id hashes (FNV-1a, 64-bit) to a remainder below <see cref="Keep"/>.</summary>
/// <remarks>
/// The hash depends only on the function's id (Azure 2019: HashFunction; Azure 2021: func; CSV: the function
/// column), so the same function is in or out on every machine and in every trace that names it, and a larger
/// <see cref="Keep"/> keeps a superset. E.g. (1, 10) keeps about a tenth.
/// </remarks>
/// <param name="Keep">How many remainders are kept: 1 to <see cref="Modulus"/>.</param>
/// <param name="Modulus">The number of hash buckets: at least 1.</param>
public sealed record HashSample(int Keep, int Modulus)
{
    /// <summary>Whether the function with id <paramref name="id"/> is in the sample.</summary>
    public bool Contains(string id) => StableHash(id) % (ulong)Modulus < (ulong)Keep;

    /// <summary>The 64-bit FNV-1a hash of the UTF-16 code units of <paramref name="text"/>: the same on every machine and run (unlike string.GetHashCode).</summary>
    public static ulong StableHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
