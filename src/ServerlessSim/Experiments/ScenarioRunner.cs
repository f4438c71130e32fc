using ServerlessSim.Configuration;
using ServerlessSim.Cost;
using ServerlessSim.Engine;
using ServerlessSim.Metrics;
using ServerlessSim.Platform;
using ServerlessSim.Policies.Concurrency;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Randomness;
using ServerlessSim.Reporting;

namespace ServerlessSim.Experiments;

/// <summary>Runs one replication of one policy of a scenario.</summary>
/// <remarks>Thread-safe: every run builds its own simulator, model and streams, so replications can run in parallel.</remarks>
public static class ScenarioRunner
{
    /// <summary>Runs replication <paramref name="replication"/> of policy <paramref name="policyIndex"/>.</summary>
    /// <exception cref="ScenarioValidationException">The scenario is invalid; every problem is listed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the run finished.</exception>
    /// <exception cref="SimulationException">The model failed; the message names the simulated time and event.</exception>
    public static RunResult Run(Scenario scenario, int policyIndex, int replication, CancellationToken cancellationToken = default)
    {
        ScenarioValidator.ThrowIfInvalid(scenario);
        ArgumentOutOfRangeException.ThrowIfNegative(policyIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(policyIndex, scenario.Policies.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(replication);
        return RunValidated(scenario, policyIndex, replication, cancellationToken);
    }

    internal static RunResult RunValidated(Scenario scenario, int policyIndex, int replication, CancellationToken cancellationToken)
    {
        var policy = scenario.Policies[policyIndex];
        var concurrency = ConcurrencyPolicies.Create(policy.Concurrency);
        var function = scenario.Function;
        var vCpus = concurrency.VCpusPerInstance(function.MemoryMb);
        var settings = new PlatformModelSettings(
            function,
            concurrency.MaxConcurrentPerInstance,
            vCpus,
            DispatchPolicies.Create(policy.EffectiveDispatch),
            scenario.EffectiveAccount.ConcurrencyLimit,
            policy.EffectiveLimitCounts,
            scenario.WarmUp.Seconds,
            scenario.Horizon.Seconds);
        var metrics = new RunMetrics(scenario.WarmUp.Seconds, scenario.Horizon.Seconds, scenario.EffectiveTimeSeriesStep.Seconds);
        var model = new PlatformModel(settings, RandomStreams.For(scenario.Seed, replication, 0), metrics);
        var simulator = new Simulator();
        model.Start(simulator);

        // Arrivals stop at the horizon; then the requests still in flight are drained so that every counted
        // request ends completed or throttled.
        simulator.RunUntil(model, scenario.Horizon.Seconds, cancellationToken);
        simulator.RunWhile(model, static m => m.InFlight > 0, cancellationToken);

        var identity = new RunIdentity(
            policy.Name, replication, function.MemoryMb, vCpus, BillingPolicies.Create(policy.EffectiveBilling, scenario.EffectivePrices));
        return metrics.ToResult(identity, model.Pool.Live, model.Pool.Busy, model.Pool.Initializing, simulator.HandledEvents);
    }
}
