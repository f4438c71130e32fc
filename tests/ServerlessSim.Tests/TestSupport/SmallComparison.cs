using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.TestSupport;

/// <summary>The built-in scenario scaled down ten-fold, run once and shared by tests that only read results.</summary>
/// <remarks>100 req/s with a spike to 800 req/s from 30 s to 36 s and a limit of 100: one request per instance still throttles in the spike.</remarks>
internal static class SmallComparison
{
    private static readonly Lazy<ComparisonResult> Shared = new(() => Comparison.Run(Scenario(seed: 11, replications: 2)));

    private static readonly Lazy<ComparisonResult> SharedAsync = new(() => Comparison.Run(AsyncScenario(seed: 11, replications: 2)));

    public static ComparisonResult Result => Shared.Value;

    /// <summary>The same traffic as asynchronous events, three ways (<see cref="BuiltInScenarios.IoHeavyApiAsync"/>'s policies).</summary>
    public static ComparisonResult AsyncResult => SharedAsync.Value;

    public static Scenario AsyncScenario(long seed, int replications)
    {
        var sync = Scenario(seed, replications);
        var builtIn = BuiltInScenarios.IoHeavyApiAsync(seed, replications);
        return sync with
        {
            Name = "small-async",
            Function = sync.Function with { Invocation = builtIn.Function.Invocation },
            Policies = builtIn.Policies,
        };
    }

    public static Scenario Scenario(long seed, int replications)
    {
        var builtIn = BuiltInScenarios.IoHeavyApi(seed, replications);
        return builtIn with
        {
            Function = builtIn.Function with
            {
                Arrivals = ArrivalProcess.Scheduled(ArrivalKind.Poisson, [new(0, 100), new(30, 800), new(36, 100)]),
            },
            Account = new AccountOptions(100),
            Horizon = SimDuration.FromSeconds(60),
            WarmUp = SimDuration.FromSeconds(10),
        };
    }
}
