namespace ServerlessSim.Cost;

/// <summary>How a policy's usage is billed; each model's rules, sources and dates are in docs/cost.md.</summary>
public enum BillingModel
{
    /// <summary>AWS Lambda: a per-request charge plus GB-seconds of each request's duration rounded up to 1 ms (IO wait included), init included; provisioned concurrency in 5-minute steps.</summary>
    LambdaPerRequest,

    /// <summary>Google Cloud Run request-based billing: vCPU- and GiB-seconds while an instance starts or holds at least one request (concurrent requests share it), each such stretch rounded up to 100 ms, plus a per-request charge.</summary>
    CloudRunRequestBased,

    /// <summary>Google Cloud Run instance-based billing: vCPU- and GiB-seconds of each instance's whole life, idle included, rounded up to 100 ms; no per-request charge.</summary>
    CloudRunInstanceBased,

    /// <summary>AWS Lambda Managed Instances: the EC2 instance's on-demand price for the share of an instance each environment takes, plus a management fee, for its whole life; plus a per-request charge.</summary>
    LambdaManagedInstances,

    /// <summary>Azure Functions Flex Consumption (on demand): GB-seconds of instance memory while an instance executes at least one request, each stretch at least 1,000 ms then rounded up to 100 ms, plus a per-execution charge.</summary>
    AzureFlexConsumption,
}
