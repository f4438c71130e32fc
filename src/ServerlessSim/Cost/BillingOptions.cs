namespace ServerlessSim.Cost;

/// <summary>How a policy is billed: the model and its options.</summary>
/// <param name="Model">The billing model.</param>
/// <param name="Arm">With <see cref="BillingModel.LambdaPerRequest"/>, whether the Arm (Graviton) prices apply instead of x86.</param>
/// <param name="FreeTier">
/// Whether the platform's monthly free tier is deducted, the run counting as one month (AWS Lambda: not with
/// provisioned concurrency; Azure: on-demand only; Lambda Managed Instances has none).
/// </param>
public sealed record BillingOptions(BillingModel Model, bool Arm = false, bool FreeTier = false)
{
    /// <summary>The model and the options set, e.g. <c>LambdaPerRequest (Arm, free tier)</c>.</summary>
    public override string ToString()
    {
        var options = (Arm ? ["Arm"] : Array.Empty<string>()).Concat(FreeTier ? ["free tier"] : Array.Empty<string>()).ToArray();
        return options.Length == 0 ? Model.ToString() : $"{Model} ({string.Join(", ", options)})";
    }
}
