using CsCheck;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Invocation;
using ServerlessSim.Policies.KeepAlive;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Randomness;
using ServerlessSim.Reporting;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Experiments;

/// <summary>
/// Property-based, over random accounts under AWS Lambda's rules (reservations, provisioned concurrency, scaling rates,
/// keep-alive policies, lifetimes, timeouts, retries, asynchronous invocation, errors): no request is lost and no
/// limit is exceeded. In Debug builds every event is also followed by the models' invariant checks (conservation,
/// reservations, caps), which throw on the first violation.
/// </summary>
public class LambdaRulesPropertyTests
{
    private static readonly Gen<IDistribution> Durations = Gen.OneOf(
        Gen.Double[0, 2].Select(v => (IDistribution)new ConstantDistribution(v)),
        Gen.Double[0.001, 1].Select(m => (IDistribution)new ExponentialDistribution(m)));

    private static readonly Gen<InvocationOptions> Invocations = Gen.OneOf(
        Gen.Const<InvocationOptions>(InvocationOptions.Synchronous),
        Gen.Select(Gen.Int[1, 5], Gen.Double[0.01, 2]).Select((attempts, delay) =>
            (InvocationOptions)new SynchronousInvocation(new ClientRetryOptions(attempts, SimDuration.FromSeconds(delay), SimDuration.FromSeconds(delay * 8)))),
        Gen.Select(Gen.Double[60, 600], Gen.Int[0, 2]).Select((age, retries) =>
            (InvocationOptions)new AsynchronousInvocation(SimDuration.FromSeconds(age), retries)));

    private static readonly Gen<FunctionDefinition> Functions =
        Gen.Select(Gen.Double[0.5, 150], Durations, Durations, Gen.Double[0, 12], Gen.Int[0, 3], Gen.Int[-1, 40], Invocations, Gen.Double[0, 0.3])
           .Select((rate, io, cold, keepAlive, cap, reserved, invocation, errors) => new FunctionDefinition(
               "f", 1024, ArrivalProcess.Poisson(rate), new WorkProfile(new ConstantDistribution(0.002), io), cold,
               SimDuration.FromSeconds(keepAlive * 10), cap == 0 ? null : cap * 20)
           {
               ReservedConcurrency = reserved < 0 ? null : reserved,
               Invocation = invocation,
               ErrorProbability = errors,
           });

    private static readonly Gen<KeepAliveOptions?> KeepAlives = Gen.OneOf(
        Gen.Const(() => (KeepAliveOptions?)null),
        Gen.Const<KeepAliveOptions?>(IdleLifetimeKeepAlive.MeasuredAwsLambda2021),
        Gen.Double[0.1, 30].Select(mean => (KeepAliveOptions?)new IdleLifetimeKeepAlive(new ExponentialDistribution(mean))),
        Gen.Int[1, 5].Select(observations => (KeepAliveOptions?)(HybridHistogramKeepAlive.Paper with
        {
            BinWidth = SimDuration.FromSeconds(1), Range = SimDuration.FromSeconds(60), MinObservations = observations, MinCoefficientOfVariation = 0.5,
        })));

    private static readonly Gen<PerRequestScalingOptions> Rules =
        // rates: the scaling rate (rates % 3) and the request rate per unit of concurrency (rates / 3: none, 1 that binds, Lambda's 10).
        Gen.Select(Gen.Int[0, 8], KeepAlives, Gen.Int[0, 2], Gen.Double[0, 20], Gen.Double[0, 3], Gen.Int[0, 10], Gen.Bool)
           .Select((rates, keepAlive, idle, lifetime, timeout, provisioned, schedule) => new PerRequestScalingOptions
           {
               ScalingRate = (rates % 3) switch
               {
                   0 => null,
                   1 => new TokenBucketScalingRate(5, SimDuration.FromSeconds(1)),
                   _ => new LegacyBurstScalingRate(10, 60),
               },
               RequestRatePerConcurrency = (rates / 3) switch
               {
                   0 => null,
                   1 => 1,
                   _ => PerRequestScalingOptions.LambdaRequestRatePerConcurrency,
               },
               KeepAlive = keepAlive,
               IdleChoice = (IdleEnvironmentChoice)idle,
               MaxLifetime = lifetime < 1 ? null : new ConstantDistribution(lifetime),
               InitTimeout = timeout < 0.5 ? null : SimDuration.FromSeconds(timeout),
               FunctionTimeout = timeout < 1 ? null : SimDuration.FromSeconds(timeout * 2),
               ProvisionedConcurrency = provisioned == 0 ? null : schedule
                   ? new ProvisionedConcurrencyOptions([new(SimDuration.Zero, provisioned), new(SimDuration.FromSeconds(5), 0), new(SimDuration.FromSeconds(9), provisioned / 2)], SimDuration.FromSeconds(13))
                   : ProvisionedConcurrencyOptions.Constant(provisioned),
           });

    private static readonly Gen<Scenario> Scenarios =
        Gen.Select(Functions.Array[1, 3], Rules, Gen.Bool, Gen.Int[0, 100], Gen.Double[5, 40], Gen.Long)
           .Select((functions, rules, many, spare, horizon, seed) =>
           {
               var named = functions.Select((f, i) => f with { Name = $"f{i}" }).ToArray();
               var reserved = named.Sum(f => f.ReservedConcurrency ?? 0);
               var provisioned = rules.ProvisionedConcurrency?.MaxEnvironments ?? 0;

               // Keep within the validator's rules: 100 unreserved, provisioned within reservations and caps.
               var fitted = named.Select(f => f with
               {
                   ReservedConcurrency = f.ReservedConcurrency is { } r ? Math.Max(r, provisioned) : null,
                   MaxInstances = f.MaxInstances is { } cap ? Math.Max(cap, provisioned) : null,
               }).ToArray();
               var policy = (many ? PolicyOptions.ManyPerInstance(4, 1, "lambda-k4") : Presets.AwsLambda with { Name = "lambda" }) with { Scaling = rules };
               return new Scenario(
                   "random-lambda", fitted, [policy], SimDuration.FromSeconds(horizon), SimDuration.FromSeconds(horizon / 10), seed,
                   Account: new AccountOptions(100 + fitted.Sum(f => f.ReservedConcurrency ?? 0) + provisioned + spare));
           });

    [Test]
    public void Every_request_ends_once_and_no_limit_is_exceeded() =>
        Scenarios.Sample(scenario =>
        {
            var errors = ServerlessSim.Configuration.ScenarioValidator.Validate(scenario);
            errors.Should().BeEmpty();
            var run = ScenarioRunner.Run(scenario, 0, 0);

            Ended(run).Should().Be(run.Requests, "every counted request ends completed, throttled, in error or dropped");
            run.ThrottleResponses.Should().BeGreaterThanOrEqualTo(run.Throttled);
            run.Cost.TotalUsd.Should().BeGreaterThanOrEqualTo(0);
            run.Usage.Executions.ExactSeconds.Should().BeGreaterThanOrEqualTo(0);
            foreach (var result in run.FunctionResults)
            {
                Ended(result).Should().Be(result.Requests);
            }
        }, iter: 60, threads: 1);

    private static long Ended(RunResult run) => run.Completed + run.Throttled + run.TimedOut + run.Failed + run.Errors + run.Dropped;
}
