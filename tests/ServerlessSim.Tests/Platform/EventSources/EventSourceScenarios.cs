using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Randomness;
using ServerlessSim.Reporting;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Platform.EventSources;

/// <summary>Small scenarios with a batching policy, run one replication at a time.</summary>
internal static class EventSourceScenarios
{
    /// <summary>Constant arrivals at k / rate for k = 1, 2, ..., N; the window from half a gap before the first to half a gap after the last.</summary>
    public static Scenario Constant(BatchingOptions batching, double ratePerSecond, int messages, double ioSeconds, double cpuSeconds = 0) => new(
        Name: "constant",
        Function: new FunctionDefinition(
            "f", 1024, ArrivalProcess.Constant(ratePerSecond), new WorkProfile(new ConstantDistribution(cpuSeconds), new ConstantDistribution(ioSeconds)),
            ConstantDistribution.Zero, SimDuration.Infinite),
        Policies: [PolicyOptions.Batched(batching)],
        Horizon: SimDuration.FromSeconds((messages + 0.5) / ratePerSecond),
        WarmUp: SimDuration.FromSeconds(0.5 / ratePerSecond),
        Account: new AccountOptions(10_000));

    /// <summary>Poisson arrivals of IO-heavy work (10 ms CPU, lognormal IO with median 150 ms) at 1,024 MB.</summary>
    public static Scenario Poisson(PolicyOptions[] policies, ArrivalProcess arrivals, double horizonSeconds, int? reservedConcurrency = null, double errorProbability = 0) => new(
        Name: "poisson",
        Function: new FunctionDefinition(
            "f", 1024, arrivals, new WorkProfile(new ConstantDistribution(0.010), LogNormalDistribution.FromMedianAndP99(0.150, 0.600)),
            LogNormalDistribution.FromMedianAndP99(0.25, 0.9), SimDuration.FromMinutes(10))
        {
            ReservedConcurrency = reservedConcurrency,
            ErrorProbability = errorProbability,
        },
        Policies: policies,
        Horizon: SimDuration.FromSeconds(horizonSeconds),
        WarmUp: SimDuration.FromSeconds(horizonSeconds / 10),
        Seed: 8);

    public static RunResult Run(Scenario scenario, int policy = 0, int replication = 0) => ScenarioRunner.Run(scenario, policy, replication);

    /// <summary>requests = completed + dropped, and the source's own books agree, once the run has drained.</summary>
    public static void ShouldConserveMessages(this RunResult run)
    {
        var source = run.Batching!;
        run.Requests.Should().Be(run.Completed + run.Dropped, "every message sent in the window ends processed, dead-lettered or expired");
        source.Sent.Should().Be(run.Requests);
        source.Sent.Should().Be(source.Processed + source.DeadLettered + source.Expired);
        run.Completed.Should().Be(source.Processed);
    }
}
