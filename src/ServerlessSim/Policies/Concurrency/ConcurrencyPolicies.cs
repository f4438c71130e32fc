namespace ServerlessSim.Policies.Concurrency;

/// <summary>Creates concurrency policies from their options.</summary>
public static class ConcurrencyPolicies
{
    /// <summary>The policy for <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">K outside 1..10,000, or non-positive vCPUs.</exception>
    public static IConcurrencyPolicy Create(ConcurrencyOptions options) => options switch
    {
        OnePerInstanceOptions => OnePerInstancePolicy.Instance,
        ManyPerInstanceOptions many => Validate(many),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options, "Unknown concurrency options."),
    };

    private static ManyPerInstancePolicy Validate(ManyPerInstanceOptions options)
    {
        if (options.MaxConcurrentPerInstance is < 1 or > ManyPerInstanceOptions.MaxAllowedConcurrency)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.MaxConcurrentPerInstance, $"MaxConcurrentPerInstance must be in 1..{ManyPerInstanceOptions.MaxAllowedConcurrency}.");
        }

        if (options.VCpus is { } v && !(v > 0 && v <= 1024))
        {
            throw new ArgumentOutOfRangeException(nameof(options), v, "VCpus must be in (0, 1024].");
        }

        return new ManyPerInstancePolicy(options);
    }
}
