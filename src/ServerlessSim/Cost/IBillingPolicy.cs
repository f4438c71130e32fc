namespace ServerlessSim.Cost;

/// <summary>A billing model with its prices: turns a run's <see cref="Usage"/> into a bill.</summary>
/// <remarks>Create one with <see cref="BillingPolicies.Create"/>. Implementations keep no state, so one can bill many runs at once.</remarks>
public interface IBillingPolicy
{
    /// <summary>The model and its options.</summary>
    BillingOptions Options { get; }

    /// <summary>The bill for <paramref name="usage"/>, in USD, broken down.</summary>
    CostSummary Bill(Usage usage);
}
