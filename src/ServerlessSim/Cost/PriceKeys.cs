namespace ServerlessSim.Cost;

/// <summary>The rows of a <see cref="PriceTable"/>, <c>section.row</c>, each with its unit in its name.</summary>
/// <remarks>The price table file (Cost/prices.json, docs/cost.md) has one object per section and one row object per key.</remarks>
public static class PriceKeys
{
    /// <summary>AWS Lambda: USD per million requests.</summary>
    public const string LambdaRequestUsdPerMillion = "lambda.requestUsdPerMillion";

    /// <summary>AWS Lambda x86: USD per GB-second of duration, with monthly volume tiers.</summary>
    public const string LambdaX86UsdPerGbSecond = "lambda.x86UsdPerGbSecond";

    /// <summary>AWS Lambda Arm (Graviton): USD per GB-second of duration, with monthly volume tiers.</summary>
    public const string LambdaArmUsdPerGbSecond = "lambda.armUsdPerGbSecond";

    /// <summary>AWS Lambda x86: USD per GB-second of provisioned concurrency configured (billed in 5-minute steps).</summary>
    public const string LambdaX86ProvisionedConcurrencyUsdPerGbSecond = "lambda.x86ProvisionedConcurrencyUsdPerGbSecond";

    /// <summary>AWS Lambda x86: USD per GB-second of duration on provisioned environments.</summary>
    public const string LambdaX86ProvisionedDurationUsdPerGbSecond = "lambda.x86ProvisionedDurationUsdPerGbSecond";

    /// <summary>AWS Lambda Arm: USD per GB-second of provisioned concurrency configured (billed in 5-minute steps).</summary>
    public const string LambdaArmProvisionedConcurrencyUsdPerGbSecond = "lambda.armProvisionedConcurrencyUsdPerGbSecond";

    /// <summary>AWS Lambda Arm: USD per GB-second of duration on provisioned environments.</summary>
    public const string LambdaArmProvisionedDurationUsdPerGbSecond = "lambda.armProvisionedDurationUsdPerGbSecond";

    /// <summary>AWS Lambda free tier: requests per month.</summary>
    public const string LambdaFreeTierRequests = "lambda.freeTierRequests";

    /// <summary>AWS Lambda free tier: GB-seconds per month.</summary>
    public const string LambdaFreeTierGbSeconds = "lambda.freeTierGbSeconds";

    /// <summary>Lambda Managed Instances: USD per million requests.</summary>
    public const string ManagedInstancesRequestUsdPerMillion = "lambdaManagedInstances.requestUsdPerMillion";

    /// <summary>Lambda Managed Instances: the EC2 instance's on-demand price, USD per hour.</summary>
    public const string ManagedInstancesInstanceUsdPerHour = "lambdaManagedInstances.instanceUsdPerHour";

    /// <summary>Lambda Managed Instances: vCPUs of that EC2 instance.</summary>
    public const string ManagedInstancesInstanceVCpus = "lambdaManagedInstances.instanceVCpus";

    /// <summary>Lambda Managed Instances: memory of that EC2 instance, GiB.</summary>
    public const string ManagedInstancesInstanceMemoryGib = "lambdaManagedInstances.instanceMemoryGib";

    /// <summary>Lambda Managed Instances: the management fee as a fraction of the instance price (0.15 = 15%).</summary>
    public const string ManagedInstancesManagementFeeFraction = "lambdaManagedInstances.managementFeeFraction";

    /// <summary>Cloud Run (request-based billing): USD per million requests.</summary>
    public const string CloudRunRequestUsdPerMillion = "cloudRun.requestUsdPerMillion";

    /// <summary>Cloud Run request-based billing: USD per vCPU-second of billable instance time.</summary>
    public const string CloudRunRequestBasedUsdPerVCpuSecond = "cloudRun.requestBasedUsdPerVCpuSecond";

    /// <summary>Cloud Run request-based billing: USD per GiB-second of billable instance time.</summary>
    public const string CloudRunRequestBasedUsdPerGibSecond = "cloudRun.requestBasedUsdPerGibSecond";

    /// <summary>Cloud Run request-based billing: USD per vCPU-second of an idle minimum instance.</summary>
    public const string CloudRunIdleMinInstanceUsdPerVCpuSecond = "cloudRun.idleMinInstanceUsdPerVCpuSecond";

    /// <summary>Cloud Run request-based billing: USD per GiB-second of an idle minimum instance.</summary>
    public const string CloudRunIdleMinInstanceUsdPerGibSecond = "cloudRun.idleMinInstanceUsdPerGibSecond";

    /// <summary>Cloud Run instance-based billing: USD per vCPU-second of instance life.</summary>
    public const string CloudRunInstanceBasedUsdPerVCpuSecond = "cloudRun.instanceBasedUsdPerVCpuSecond";

    /// <summary>Cloud Run instance-based billing: USD per GiB-second of instance life.</summary>
    public const string CloudRunInstanceBasedUsdPerGibSecond = "cloudRun.instanceBasedUsdPerGibSecond";

    /// <summary>Cloud Run free tier (request-based): requests per month.</summary>
    public const string CloudRunFreeTierRequests = "cloudRun.freeTierRequests";

    /// <summary>Cloud Run free tier, request-based billing: vCPU-seconds per month.</summary>
    public const string CloudRunRequestBasedFreeTierVCpuSeconds = "cloudRun.requestBasedFreeTierVCpuSeconds";

    /// <summary>Cloud Run free tier, request-based billing: GiB-seconds per month.</summary>
    public const string CloudRunRequestBasedFreeTierGibSeconds = "cloudRun.requestBasedFreeTierGibSeconds";

    /// <summary>Cloud Run free tier, instance-based billing: vCPU-seconds per month.</summary>
    public const string CloudRunInstanceBasedFreeTierVCpuSeconds = "cloudRun.instanceBasedFreeTierVCpuSeconds";

    /// <summary>Cloud Run free tier, instance-based billing: GiB-seconds per month.</summary>
    public const string CloudRunInstanceBasedFreeTierGibSeconds = "cloudRun.instanceBasedFreeTierGibSeconds";

    /// <summary>Azure Flex Consumption on demand: USD per GB-second of instance memory while executing.</summary>
    public const string FlexOnDemandUsdPerGbSecond = "azureFlexConsumption.onDemandUsdPerGbSecond";

    /// <summary>Azure Flex Consumption on demand: USD per million executions.</summary>
    public const string FlexOnDemandExecutionUsdPerMillion = "azureFlexConsumption.onDemandExecutionUsdPerMillion";

    /// <summary>Azure Flex Consumption always ready: baseline USD per GB-second of every always-ready instance.</summary>
    public const string FlexAlwaysReadyBaselineUsdPerGbSecond = "azureFlexConsumption.alwaysReadyBaselineUsdPerGbSecond";

    /// <summary>Azure Flex Consumption always ready: USD per GB-second while an always-ready instance executes.</summary>
    public const string FlexAlwaysReadyExecutionTimeUsdPerGbSecond = "azureFlexConsumption.alwaysReadyExecutionTimeUsdPerGbSecond";

    /// <summary>Azure Flex Consumption always ready: USD per million executions.</summary>
    public const string FlexAlwaysReadyExecutionUsdPerMillion = "azureFlexConsumption.alwaysReadyExecutionUsdPerMillion";

    /// <summary>Azure Flex Consumption free grant (on demand only): GB-seconds per month.</summary>
    public const string FlexFreeTierGbSeconds = "azureFlexConsumption.freeTierGbSeconds";

    /// <summary>Azure Flex Consumption free grant (on demand only): executions per month.</summary>
    public const string FlexFreeTierExecutions = "azureFlexConsumption.freeTierExecutions";

    /// <summary>Amazon SQS (standard queue): USD per million requests.</summary>
    public const string SqsRequestUsdPerMillion = "sqs.requestUsdPerMillion";

    /// <summary>Amazon SQS: bytes of payload per billed request (64 KB).</summary>
    public const string SqsRequestChunkBytes = "sqs.requestChunkBytes";

    /// <summary>Amazon SQS free tier: requests per month.</summary>
    public const string SqsFreeTierRequests = "sqs.freeTierRequests";

    /// <summary>Every row a complete table has, in the file's order, with the unit and range its value must have.</summary>
    internal static IReadOnlyList<PriceKeyDefinition> All { get; } =
    [
        Usd(LambdaRequestUsdPerMillion, "USD per million requests"),
        Usd(LambdaX86UsdPerGbSecond, "USD per GB-second", tiered: true),
        Usd(LambdaArmUsdPerGbSecond, "USD per GB-second", tiered: true),
        Usd(LambdaX86ProvisionedConcurrencyUsdPerGbSecond, "USD per GB-second"),
        Usd(LambdaX86ProvisionedDurationUsdPerGbSecond, "USD per GB-second"),
        Usd(LambdaArmProvisionedConcurrencyUsdPerGbSecond, "USD per GB-second"),
        Usd(LambdaArmProvisionedDurationUsdPerGbSecond, "USD per GB-second"),
        Amount(LambdaFreeTierRequests, "requests per month"),
        Amount(LambdaFreeTierGbSeconds, "GB-seconds per month"),
        Usd(ManagedInstancesRequestUsdPerMillion, "USD per million requests"),
        Usd(ManagedInstancesInstanceUsdPerHour, "USD per instance-hour"),
        Positive(ManagedInstancesInstanceVCpus, "vCPUs"),
        Positive(ManagedInstancesInstanceMemoryGib, "GiB"),
        new(ManagedInstancesManagementFeeFraction, "fraction of the instance price", 0, 10, false, false),
        Usd(CloudRunRequestUsdPerMillion, "USD per million requests"),
        Usd(CloudRunRequestBasedUsdPerVCpuSecond, "USD per vCPU-second"),
        Usd(CloudRunRequestBasedUsdPerGibSecond, "USD per GiB-second"),
        Usd(CloudRunIdleMinInstanceUsdPerVCpuSecond, "USD per vCPU-second"),
        Usd(CloudRunIdleMinInstanceUsdPerGibSecond, "USD per GiB-second"),
        Usd(CloudRunInstanceBasedUsdPerVCpuSecond, "USD per vCPU-second"),
        Usd(CloudRunInstanceBasedUsdPerGibSecond, "USD per GiB-second"),
        Amount(CloudRunFreeTierRequests, "requests per month"),
        Amount(CloudRunRequestBasedFreeTierVCpuSeconds, "vCPU-seconds per month"),
        Amount(CloudRunRequestBasedFreeTierGibSeconds, "GiB-seconds per month"),
        Amount(CloudRunInstanceBasedFreeTierVCpuSeconds, "vCPU-seconds per month"),
        Amount(CloudRunInstanceBasedFreeTierGibSeconds, "GiB-seconds per month"),
        Usd(FlexOnDemandUsdPerGbSecond, "USD per GB-second"),
        Usd(FlexOnDemandExecutionUsdPerMillion, "USD per million executions"),
        Usd(FlexAlwaysReadyBaselineUsdPerGbSecond, "USD per GB-second"),
        Usd(FlexAlwaysReadyExecutionTimeUsdPerGbSecond, "USD per GB-second"),
        Usd(FlexAlwaysReadyExecutionUsdPerMillion, "USD per million executions"),
        Amount(FlexFreeTierGbSeconds, "GB-seconds per month"),
        Amount(FlexFreeTierExecutions, "executions per month"),
        Usd(SqsRequestUsdPerMillion, "USD per million requests"),
        Positive(SqsRequestChunkBytes, "bytes"),
        Amount(SqsFreeTierRequests, "requests per month"),
    ];

    /// <summary>The definition of <paramref name="key"/>, or null if it is not a row of the table.</summary>
    internal static PriceKeyDefinition? Find(string key) => All.FirstOrDefault(d => d.Key == key);

    private static PriceKeyDefinition Usd(string key, string unit, bool tiered = false) => new(key, unit, 0, 1_000_000, false, tiered);

    private static PriceKeyDefinition Amount(string key, string unit) => new(key, unit, 0, 1e15, false, false);

    private static PriceKeyDefinition Positive(string key, string unit) => new(key, unit, 0, 1e15, true, false);
}

/// <summary>What a price row must hold: its key, the unit of its value, the range allowed and whether it may have tiers.</summary>
internal sealed record PriceKeyDefinition(string Key, string Unit, double Min, double Max, bool MinExclusive, bool Tiered)
{
    /// <summary>The section, e.g. <c>lambda</c>.</summary>
    public string Section => Key[..Key.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>The row's name within its section, e.g. <c>x86UsdPerGbSecond</c>.</summary>
    public string Row => Key[(Key.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
