namespace ServerlessSim.Cost;

/// <summary>Creates the <see cref="IBillingPolicy"/> for <see cref="BillingOptions"/>.</summary>
public static class BillingPolicies
{
    /// <summary>The billing policy for <paramref name="options"/> at <paramref name="prices"/>.</summary>
    /// <exception cref="ArgumentException">Arm prices asked for with a model other than Lambda's.</exception>
    public static IBillingPolicy Create(BillingOptions options, PriceTable prices)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(prices);
        if (options.Arm && options.Model != BillingModel.LambdaPerRequest)
        {
            throw new ArgumentException($"Arm prices apply only to {nameof(BillingModel.LambdaPerRequest)}, not {options.Model}.", nameof(options));
        }

        return options.Model switch
        {
            BillingModel.LambdaPerRequest => new LambdaPerRequestBilling(options, prices),
            BillingModel.CloudRunRequestBased => new CloudRunRequestBasedBilling(options, prices),
            BillingModel.CloudRunInstanceBased => new CloudRunInstanceBasedBilling(options, prices),
            BillingModel.LambdaManagedInstances => new LambdaManagedInstancesBilling(options, prices),
            BillingModel.AzureFlexConsumption => new AzureFlexConsumptionBilling(options, prices),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Model, "Unknown billing model."),
        };
    }
}
