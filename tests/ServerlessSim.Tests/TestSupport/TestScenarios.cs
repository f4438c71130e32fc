using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.TestSupport;

/// <summary>Small scenarios for tests: a single function, named parameters, everything else neutral.</summary>
internal static class TestScenarios
{
    /// <summary>1,769 MB buys exactly one vCPU, so CPU demand takes its face value on one request.</summary>
    public const double OneVCpuMemoryMb = 1769;

    public static Scenario Single(
        PolicyOptions policy,
        ArrivalProcess arrivals,
        IDistribution cpu,
        IDistribution io,
        double horizonSeconds,
        double warmUpSeconds,
        IDistribution? coldStart = null,
        SimDuration? keepAlive = null,
        int concurrencyLimit = 1_000_000,
        int? maxInstances = null,
        int replications = 1,
        long seed = 7,
        double memoryMb = OneVCpuMemoryMb) => new(
            Name: "test",
            Function: new FunctionDefinition(
                "f", memoryMb, arrivals, new WorkProfile(cpu, io), coldStart ?? ConstantDistribution.Zero,
                keepAlive ?? SimDuration.Infinite, maxInstances),
            Policies: [policy],
            Horizon: SimDuration.FromSeconds(horizonSeconds),
            WarmUp: SimDuration.FromSeconds(warmUpSeconds),
            Seed: seed,
            Replications: replications,
            Account: new AccountOptions(concurrencyLimit));
}
