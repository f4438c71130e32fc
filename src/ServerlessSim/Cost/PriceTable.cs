namespace ServerlessSim.Cost;

/// <summary>Prices, in USD, with where and when they were read. Immutable; override any field with <c>with</c>.</summary>
/// <param name="LambdaPerRequestUsd">AWS Lambda charge per request: $0.20 per million.</param>
/// <param name="LambdaX86PerGbSecondUsd">AWS Lambda x86 duration price per GB-second (first tier).</param>
/// <param name="LambdaArmPerGbSecondUsd">AWS Lambda Arm (Graviton) duration price per GB-second (first tier).</param>
/// <param name="InstancePerVCpuSecondUsd">Instance-time price per vCPU-second (Cloud Run instance-based billing, tier 1).</param>
/// <param name="InstancePerGibSecondUsd">Instance-time price per GiB-second of memory (Cloud Run instance-based billing, tier 1).</param>
/// <param name="Source">Where the prices come from.</param>
/// <param name="AsOf">When they were read (ISO date).</param>
public sealed record PriceTable(
    decimal LambdaPerRequestUsd,
    decimal LambdaX86PerGbSecondUsd,
    decimal LambdaArmPerGbSecondUsd,
    decimal InstancePerVCpuSecondUsd,
    decimal InstancePerGibSecondUsd,
    string Source,
    string AsOf)
{
    /// <summary>
    /// Public list prices (us-east-1 / Cloud Run tier 1) as of November 2026: Lambda from
    /// https://aws.amazon.com/lambda/pricing/ ($0.20 per 1M requests; $0.0000166667 per GB-s x86, $0.0000133334 Arm),
    /// Cloud Run instance-based billing from https://cloud.google.com/run/pricing ($0.000018 per vCPU-s,
    /// $0.000002 per GiB-s). Free tiers are not applied.
    /// </summary>
    public static PriceTable Default { get; } = new(
        LambdaPerRequestUsd: 0.20m / 1_000_000m,
        LambdaX86PerGbSecondUsd: 0.0000166667m,
        LambdaArmPerGbSecondUsd: 0.0000133334m,
        InstancePerVCpuSecondUsd: 0.000018m,
        InstancePerGibSecondUsd: 0.000002m,
        Source: "aws.amazon.com/lambda/pricing; cloud.google.com/run/pricing (instance-based, tier 1)",
        AsOf: "2026-11-26");
}
