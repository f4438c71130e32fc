namespace ServerlessSim.Policies.Concurrency;

/// <summary>Options of a concurrency policy: <see cref="OnePerInstanceOptions"/> or <see cref="ManyPerInstanceOptions"/>.</summary>
public abstract record ConcurrencyOptions
{
    private protected ConcurrencyOptions()
    {
    }
}

/// <summary>One request per instance, as AWS Lambda: every in-flight request holds an instance, IO wait included.</summary>
public sealed record OnePerInstanceOptions : ConcurrencyOptions;

/// <summary>
/// Many requests per instance, as Cloud Run, Knative, Azure Flex Consumption and Lambda Managed Instances: up to
/// <see cref="MaxConcurrentPerInstance"/> requests share the instance's vCPUs (processor sharing on their CPU
/// demand) while their IO waits overlap.
/// </summary>
/// <param name="MaxConcurrentPerInstance">K, the most requests at once per instance: 1..10,000 (Cloud Run's default is 80).</param>
/// <param name="VCpus">vCPUs per instance; null to derive them from the function's memory by Lambda's rule (1,769 MB = 1 vCPU).</param>
public sealed record ManyPerInstanceOptions(int MaxConcurrentPerInstance = ManyPerInstanceOptions.CloudRunDefaultConcurrency, double? VCpus = null)
    : ConcurrencyOptions
{
    /// <summary>Cloud Run's default maximum concurrent requests per instance.</summary>
    public const int CloudRunDefaultConcurrency = 80;

    /// <summary>The largest K accepted (Cloud Run allows 1,000; Lambda Managed Instances 1,600).</summary>
    public const int MaxAllowedConcurrency = 10_000;
}
