using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Randomness;
using ServerlessSim.Reporting;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.TestSupport;

/// <summary>One function under AWS Lambda's rules, with the part a test is about set and everything else neutral.</summary>
internal static class LambdaScenarios
{
    /// <summary>Requests that hold their environment for <paramref name="ioSeconds"/> each and no CPU, arriving as <paramref name="arrivals"/>.</summary>
    public static Scenario Scenario(
        ArrivalProcess arrivals,
        double ioSeconds,
        double horizonSeconds,
        PerRequestScalingOptions? scaling = null,
        double warmUpSeconds = 0,
        double coldStartSeconds = 0,
        double keepAliveSeconds = 600,
        int limit = 1_000_000,
        Func<FunctionDefinition, FunctionDefinition>? function = null,
        long seed = 3,
        int replications = 1)
    {
        var definition = new FunctionDefinition(
            "f", TestScenarios.OneVCpuMemoryMb, arrivals, new WorkProfile(ConstantDistribution.Zero, new ConstantDistribution(ioSeconds)),
            new ConstantDistribution(coldStartSeconds), SimDuration.FromSeconds(keepAliveSeconds));
        return new Scenario(
            "lambda",
            function?.Invoke(definition) ?? definition,
            [Presets.AwsLambda with { Name = "lambda", Scaling = scaling ?? Presets.AwsLambda.Scaling }],
            SimDuration.FromSeconds(horizonSeconds),
            SimDuration.FromSeconds(warmUpSeconds),
            Seed: seed,
            Replications: replications,
            Account: new AccountOptions(limit));
    }

    /// <summary>Today's Lambda rules with <paramref name="change"/> applied.</summary>
    public static PerRequestScalingOptions Rules(Func<PerRequestScalingOptions, PerRequestScalingOptions> change) =>
        change((PerRequestScalingOptions)Presets.AwsLambda.Scaling!);

    /// <summary>Runs the scenario's only policy once.</summary>
    public static RunResult Run(Scenario scenario, int replication = 0) => ScenarioRunner.Run(scenario, 0, replication);

    /// <summary>Every counted request's end: completed, throttled, timed out, failed, in error or dropped.</summary>
    public static long Ended(RunResult run) => run.Completed + run.Throttled + run.TimedOut + run.Failed + run.Errors + run.Dropped;
}
