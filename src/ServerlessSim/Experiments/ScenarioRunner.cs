using ServerlessSim.Configuration;
using ServerlessSim.Cost;
using ServerlessSim.Engine;
using ServerlessSim.Metrics;
using ServerlessSim.Platform;
using ServerlessSim.Platform.EventSources;
using ServerlessSim.Platform.Pool;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Concurrency;
using ServerlessSim.Policies.Contention;
using ServerlessSim.Policies.Dispatch;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Policies.Waiting;
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
        var functions = scenario.Functions;
        var warmUp = scenario.WarmUp.Seconds;
        var horizon = scenario.Horizon.Seconds;
        var account = new AccountState(
            scenario.EffectiveAccount.ConcurrencyLimit,
            policy.EffectiveLimitCounts == LimitScope.Instances,
            functions.Select(f => f.ReservedConcurrency).ToArray(),
            (policy.Scaling as PerRequestScalingOptions)?.RequestRatePerConcurrency);
        var step = scenario.EffectiveTimeSeriesStep.Seconds;
        var accountMetrics = functions.Count == 1 ? null : new RunMetrics(warmUp, horizon, step);
        var models = new IFunctionModel[functions.Count];
        for (var f = 0; f < functions.Count; f++)
        {
            var autoscaling = policy.Batching is null ? policy.Scaling as AutoscalingOptions : null; // Event sources invoke per-request pools.
            var settings = new PoolSettings(
                f,
                functions[f],
                concurrency.MaxConcurrentPerInstance,
                concurrency.VCpusPerInstance(functions[f].MemoryMb),
                DispatchPolicies.Create(policy.EffectiveDispatch),
                warmUp,
                horizon)
            {
                Scaling = policy.Scaling as PerRequestScalingOptions ?? PerRequestScalingOptions.Instance,
                Autoscaling = autoscaling,
                Waiting = autoscaling is null ? WaitingOptions.NewInstance : policy.EffectiveWaiting,
                Contention = autoscaling is null ? ContentionOptions.ProcessorSharing : policy.EffectiveContention,
                DispatchRandom = RandomStream.For(scenario.Seed, replication, f, StreamPurpose.Dispatch),
                MemoryRandom = RandomStream.For(scenario.Seed, replication, f, StreamPurpose.Memory),
            };
            var metrics = accountMetrics is null ? new RunMetrics(warmUp, horizon, step) : RunMetrics.ForFunctionOfMany(warmUp, horizon);
            var streams = RandomStreams.For(scenario.Seed, replication, f);
            var sink = new MetricsSink(metrics, accountMetrics, warmUp);
            models[f] = policy.Batching is { } batching
                ? EventSourceModel.Create(
                    batching,
                    new EventSourceRun(
                        settings,
                        streams,
                        account,
                        sink,
                        RandomStream.For(scenario.Seed, replication, f, StreamPurpose.Batching),
                        accountMetrics is null ? step : null,
                        (double)scenario.EffectivePrices[PriceKeys.SqsRequestChunkBytes].Value))
                : new DirectInvocationModel(settings, streams, account, sink);
        }

        var model = new AccountModel(models, account, accountMetrics);
        var simulator = new Simulator();
        model.Start(simulator);

        // Arrivals stop at the horizon; then the requests still in flight are drained so that every counted
        // request ends completed, throttled, timed out or failed.
        simulator.RunUntil(model, horizon, cancellationToken);
        simulator.RunWhile(model, static m => m.InFlight > 0, cancellationToken);

        var billing = BillingPolicies.Create(policy.EffectiveBilling, scenario.EffectivePrices);
        var results = new RunResult[functions.Count];
        for (var f = 0; f < functions.Count; f++)
        {
            var function = functions[f];
            var pool = models[f].Instances;
            var identity = new RunIdentity(
                policy.Name, replication, function.MemoryMb, concurrency.VCpusPerInstance(function.MemoryMb), billing);
            results[f] = models[f].Metrics.ToResult(identity, pool.Live, pool.Busy, pool.Initializing, simulator.HandledEvents);
            if (models[f] is EventSourceModel source)
            {
                results[f] = WithEventSource(results[f], source.ToResult(), billing);
            }
        }

        if (accountMetrics is null)
        {
            return results[0];
        }

        // The account's own metrics hold what only all requests together give (latency percentiles, peaks); its
        // usage and bill are the functions' summed, since each function is billed at its own memory size.
        var accountIdentity = new RunIdentity(policy.Name, replication, 0, 0, billing);
        var accountResult = accountMetrics.ToResult(accountIdentity, model.Live, model.Busy, model.Initializing, simulator.HandledEvents);
        var named = results.Select((r, f) => r with { Function = functions[f].Name }).ToArray();
        return accountResult with
        {
            Usage = Usage.Sum(named.Select(r => r.Usage).ToArray()),
            Cost = CostSummary.Sum(named.Select(r => r.Cost).ToArray()),
            Functions = named,
        };
    }

    // A batching policy's run: its event source's result, and the queue's requests in its usage and bill.
    private static RunResult WithEventSource(RunResult run, EventSourceResult source, IBillingPolicy billing)
    {
        var usage = run.Usage with { QueueRequests = source.Requests.Total };
        return run with { Batching = source, Usage = usage, Cost = billing.Bill(usage) };
    }
}
