namespace ServerlessSim.Policies;

/// <summary>How a policy's usage is billed (prices in <see cref="Cost.PriceTable"/>).</summary>
public enum BillingModel
{
    /// <summary>AWS Lambda: a per-request charge plus GB-seconds of each request's duration rounded up to 1 ms (IO wait included), plus init.</summary>
    LambdaPerRequest,

    /// <summary>Instance-time (Cloud Run instance-based billing): vCPU-seconds and GiB-seconds for each instance's whole life, idle included.</summary>
    InstanceTime,
}
