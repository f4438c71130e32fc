using ServerlessSim.Cost;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Validation;

/// <summary>
/// Hand-computed bills: deterministic scenarios (constant arrivals and work, no cold-start time) whose bill follows
/// from the billing rules and the price table's rows by arithmetic alone.
/// </summary>
/// <remarks>
/// The theory is written from the rows of <see cref="PriceTable.Default"/>, never from the billing code, so a wrong
/// rounding, a wrong unit or a misread row fails the case. Every replication is the same run, so two suffice.
/// </remarks>
internal static class BillCases
{
    /// <summary>The oracle name of these cases.</summary>
    public const string Oracle = "Bill";

    private const int Replications = 2;

    private static PriceTable Prices => PriceTable.Default;

    /// <summary>The cases, in report order.</summary>
    public static IEnumerable<ValidationCase> All()
    {
        // 1,000,000 requests of 100 ms at 1,024 MB (1 GB): 1e6 x $0.20/1M + 1e6 x 0.1 s x 1 GB x $0.0000166667 = $1.86667.
        yield return Case(
            "Lambda x86 1,024 MB: 1,000,000 x 100 ms",
            Million(PolicyOptions.OnePerInstance(), 0.1),
            Requests(1_000_000, PriceKeys.LambdaRequestUsdPerMillion) + (1_000_000 * 0.1m * 1 * Price(PriceKeys.LambdaX86UsdPerGbSecond)),
            quick: true);

        // 100.2 ms is billed 101 ms: 1e6 x 0.101 s x 1 GB x $0.0000166667 + $0.20 = $1.8833367.
        yield return Case(
            "Lambda x86 1,024 MB: 1,000,000 x 100.2 ms, billed 101 ms each",
            Million(PolicyOptions.OnePerInstance(), 0.1002),
            Requests(1_000_000, PriceKeys.LambdaRequestUsdPerMillion) + (1_000_000 * 0.101m * 1 * Price(PriceKeys.LambdaX86UsdPerGbSecond)),
            quick: false);

        // The same million on one 1-vCPU, 1 GiB instance taking up to 1,000 at once: it holds about 100 requests from
        // 0.001 s on and is never idle, one stretch to the window's end, 999.9995 s, billed 1,000.0 s:
        // 1,000 s x ($0.000024 + $0.0000025) + 1e6 x $0.40/1M = $0.4265, where one request per instance would bill 100,000 s.
        yield return Case(
            "Cloud Run request-based 1 vCPU 1 GiB: 1,000,000 x 100 ms sharing one instance",
            Million(Shared(BillingModel.CloudRunRequestBased), 0.1),
            Requests(1_000_000, PriceKeys.CloudRunRequestUsdPerMillion) +
            (1000m * (Price(PriceKeys.CloudRunRequestBasedUsdPerVCpuSecond) + Price(PriceKeys.CloudRunRequestBasedUsdPerGibSecond))),
            quick: false);

        // Instance-based billing of that instance: its life in the window, 999.9995 s, billed 1,000.0 s x ($0.000018 + $0.000002) = $0.02.
        yield return Case(
            "Cloud Run instance-based 1 vCPU 1 GiB: the same instance's life",
            Million(Shared(BillingModel.CloudRunInstanceBased), 0.1),
            1000m * (Price(PriceKeys.CloudRunInstanceBasedUsdPerVCpuSecond) + Price(PriceKeys.CloudRunInstanceBasedUsdPerGibSecond)),
            quick: false);

        // Ten requests a second of 50 ms each on one instance: each is alone, a 50 ms stretch billed 100 ms:
        // 100,000 x 0.1 s x $0.0000265 + 100,000 x $0.40/1M = $0.305.
        yield return Case(
            "Cloud Run request-based 1 vCPU 1 GiB: 100,000 lone 50 ms requests, billed 100 ms each",
            Lone(Shared(BillingModel.CloudRunRequestBased), memoryMb: 1024),
            Requests(100_000, PriceKeys.CloudRunRequestUsdPerMillion) +
            (100_000 * 0.1m * (Price(PriceKeys.CloudRunRequestBasedUsdPerVCpuSecond) + Price(PriceKeys.CloudRunRequestBasedUsdPerGibSecond))),
            quick: false);

        // The same on Azure Flex Consumption at 2,048 MB: each lone 50 ms execution is billed the 1,000 ms minimum:
        // 100,000 x 1 s x 2 GB x $0.000026 + 100,000 x $0.40/1M = $5.24.
        yield return Case(
            "Azure Flex 2,048 MB: 100,000 lone 50 ms executions, billed 1,000 ms each",
            Lone(Shared(BillingModel.AzureFlexConsumption), memoryMb: 2048),
            Requests(100_000, PriceKeys.FlexOnDemandExecutionUsdPerMillion) + (100_000 * 1m * 2 * Price(PriceKeys.FlexOnDemandUsdPerGbSecond)),
            quick: true);

        // Lambda Managed Instances: the instance of the lone requests lives from 0.1 s to the window's end, 10,000.05 s,
        // 9,999.95 s as half an m7g.large (1 of its 2 vCPUs; 1 of its 8 GiB) plus the 15% fee:
        // 9,999.95 / 3,600 x $0.0816 x 0.5 x 1.15 + 100,000 x $0.20/1M.
        yield return Case(
            "Lambda Managed Instances 1 vCPU 1 GiB: one instance's life",
            Lone(Shared(BillingModel.LambdaManagedInstances), memoryMb: 1024),
            Requests(100_000, PriceKeys.ManagedInstancesRequestUsdPerMillion) +
            (9_999.95m / 3600 * Price(PriceKeys.ManagedInstancesInstanceUsdPerHour) * 0.5m * (1 + Price(PriceKeys.ManagedInstancesManagementFeeFraction))),
            quick: false);
    }

    private static ValidationCase Case(string name, Scenario scenario, decimal theory, bool quick) =>
        new(Oracle, name, "bill (USD)", scenario, r => (double)r.Cost.TotalUsd, (double)theory, MaxRelativeHalfWidth: 0, quick, PhaseLocked: true, Deterministic: true);

    // Many per instance on one 1-vCPU instance that never rejects (K = 1,000; at most about 100 are in flight).
    private static PolicyOptions Shared(BillingModel model) =>
        PolicyOptions.ManyPerInstance(1000, vCpus: 1, name: "shared") with { Billing = new BillingOptions(model) };

    // 1,000 req/s: requests at 0.001, 0.002, ..., 1,000.000 s, each waiting ioSeconds; the window (0.0005 s, 1,000.0005 s).
    private static Scenario Million(PolicyOptions policy, double ioSeconds) =>
        Deterministic(policy, ratePerSecond: 1000, horizonSeconds: 1000, ioSeconds, memoryMb: 1024);

    // 10 req/s: requests at 0.1, 0.2, ..., 10,000.0 s, 50 ms each, so an instance is idle between them; the window (0.05 s, 10,000.05 s).
    private static Scenario Lone(PolicyOptions policy, double memoryMb) =>
        Deterministic(policy, ratePerSecond: 10, horizonSeconds: 10_000, ioSeconds: 0.05, memoryMb);

    // Constant arrivals at k / rate for k = 1, 2, ...; the window runs from half a gap before the first to half a gap
    // after the last, so exactly rate x horizon requests are counted and none sits on an edge.
    private static Scenario Deterministic(PolicyOptions policy, double ratePerSecond, double horizonSeconds, double ioSeconds, double memoryMb) => new(
        Name: "bill",
        Function: new FunctionDefinition(
            "f", memoryMb, ArrivalProcess.Constant(ratePerSecond), new WorkProfile(ConstantDistribution.Zero, new ConstantDistribution(ioSeconds)),
            ConstantDistribution.Zero, SimDuration.Infinite, MaxInstances: policy.IsMany ? 1 : null),
        Policies: [policy],
        Horizon: SimDuration.FromSeconds(horizonSeconds + (0.5 / ratePerSecond)),
        WarmUp: SimDuration.FromSeconds(0.5 / ratePerSecond),
        Seed: 20261126,
        Replications: Replications,
        Account: new AccountOptions(10_000_000));

    private static decimal Price(string key) => Prices[key].Value;

    private static decimal Requests(long count, string perMillionKey) => count * Price(perMillionKey) / 1_000_000m;
}
