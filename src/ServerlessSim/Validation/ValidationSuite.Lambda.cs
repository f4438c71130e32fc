using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Invocation;
using ServerlessSim.Policies.KeepAlive;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Validation;

/// <summary>AWS Lambda's rules with known answers: the scaling rate, reserved and provisioned concurrency, retries, keep-alive policies.</summary>
public static partial class ValidationSuite
{
    private static IEnumerable<ValidationCase> LambdaCases()
    {
        yield return TokenBucketStep(quick: true);
        yield return LegacyBurstStep(quick: false);
        yield return RequestRateStep(limit: 10, reserved: null, quick: true);
        yield return RequestRateStep(limit: 1000, reserved: 5, quick: false);
        yield return ReservedErlangB(reserved: 10, load: 8, quick: true);
        yield return ProvisionedErlangB(provisioned: 20, load: 15, quick: true);
        yield return ClientRetries(quick: false);
        yield return AsyncErrorRetries(errorProbability: 0.3, quick: true);
        yield return MeasuredIdleLifetime(idleSeconds: 390, quick: false);
        yield return HybridPrewarm(quick: true);
    }

    // Constant arrivals at 2,000/s from 0 of requests that outlast the run: every start serves one request, so the
    // starts are the bucket's tokens. The last arrival before 20 s is at 19.9995 s: floor(1,000 + 100 x 19.9995) = 2,999.
    private static ValidationCase TokenBucketStep(bool quick)
    {
        const double rate = 2000, horizon = 20;
        var bucket = ScalingRateOptions.AwsLambda;
        var lastArrival = (Math.Ceiling(horizon * rate) - 1) / rate;
        return new ValidationCase(
            "Scaling rate",
            FormattableString.Invariant($"token bucket {bucket.Environments}/{bucket.Period.Seconds:0} s, step to {rate:0}/s for {horizon:0} s"),
            "environments started",
            LambdaScenario(Rules(r => r), ArrivalProcess.Constant(rate), ioSeconds: 1e6, horizon, warmUp: 0, replications: 2),
            r => r.InstanceStarts,
            Math.Floor(bucket.Environments + (bucket.PerSecond * lastArrival)),
            MaxRelativeHalfWidth: 0,
            quick,
            Deterministic: true,
            CheckLittlesLaw: false);
    }

    // The legacy burst of 500 is reached by the 501st arrival, at 501 / 2,000 s; from then the ceiling grows 500 a
    // minute, and the last arrival before 120.25 s allows ceil(500 + (120.2495 - 0.2505) x 500 / 60) = 1,500.
    private static ValidationCase LegacyBurstStep(bool quick)
    {
        const double rate = 2000, horizon = 120.25;
        const int burst = 500;
        var lastArrival = (Math.Ceiling(horizon * rate) - 1) / rate;
        var rampStart = (burst + 1) / rate;
        return new ValidationCase(
            "Scaling rate",
            FormattableString.Invariant($"legacy burst {burst} + {LegacyBurstScalingRate.DefaultIncreasePerMinute}/min, step to {rate:0}/s for {horizon} s"),
            "environments started",
            LambdaScenario(
                Rules(r => r with { ScalingRate = new LegacyBurstScalingRate(burst) }), ArrivalProcess.Constant(rate), ioSeconds: 1e6, horizon, warmUp: 0, replications: 2),
            r => r.InstanceStarts,
            Math.Ceiling(burst + ((lastArrival - rampStart) * LegacyBurstScalingRate.DefaultIncreasePerMinute / 60.0)),
            MaxRelativeHalfWidth: 0,
            quick,
            Deterministic: true,
            CheckLittlesLaw: false);
    }

    // Constant arrivals at 3 x 10 c a second (c the account limit, or the reservation) of 1 ms requests for 100 s: the
    // bucket of 10 c serves 10 c at once, then 10 c a second. E.g. c = 10: arrivals n / 300 s, n = 1 .. 29,999, and
    // floor(100 + 100 x 29,998 / 300) = floor(10,099.3) = 10,099 served.
    private static ValidationCase RequestRateStep(int limit, int? reserved, bool quick)
    {
        const double horizon = 100;
        var perSecond = PerRequestScalingOptions.LambdaRequestRatePerConcurrency * (reserved ?? limit);
        var rate = 3 * perSecond;
        var arrivals = Math.Ceiling(horizon * rate) - 1;
        return new ValidationCase(
            "Request rate",
            reserved is { } reservation
                ? FormattableString.Invariant($"reserved concurrency {reservation} of {limit:N0}: {perSecond:0}/s, arrivals at {rate:0}/s")
                : FormattableString.Invariant($"account limit {limit:N0}: {perSecond:0}/s, arrivals at {rate:0}/s"),
            "invocations served",
            LambdaScenario(
                Rules(r => r), ArrivalProcess.Constant(rate), ioSeconds: 0.001, horizon, warmUp: 0, limit: limit, replications: 2,
                function: f => f with { ReservedConcurrency = reserved }),
            r => r.Completed,
            Math.Floor(perSecond + (perSecond * (arrivals - 1) / rate)),
            MaxRelativeHalfWidth: 0,
            quick,
            Deterministic: true,
            CheckLittlesLaw: false);
    }

    // A function reserving c inside a far larger account is an M/G/c/c loss system of its own: it loses B(c, a).
    private static ValidationCase ReservedErlangB(int reserved, double load, bool quick)
    {
        var rate = load / ServiceMeanSeconds;
        return new ValidationCase(
            "Reserved Erlang-B",
            FormattableString.Invariant($"reserved c={reserved} of 1,000, a={load} exponential"),
            "throttle ratio",
            LambdaScenario(
                Rules(r => r), ArrivalProcess.Poisson(rate), ioSeconds: 0, 200_000 / rate, io: Exponential(ServiceMeanSeconds), limit: 1000,
                function: f => f with { ReservedConcurrency = reserved }),
            r => r.ThrottledByReservedConcurrency / (double)r.Requests,
            QueueingTheory.ErlangB(reserved, load),
            MaxRelativeHalfWidth: 0.05,
            quick);
    }

    // N provisioned environments take requests first; with a keep-alive of 0 an on-demand environment goes as soon as
    // it is idle, so a request is cold exactly when all N are busy: the provisioned pool is an M/G/N/N loss system
    // and the cold-start ratio is B(N, a).
    private static ValidationCase ProvisionedErlangB(int provisioned, double load, bool quick)
    {
        var rate = load / ServiceMeanSeconds;
        return new ValidationCase(
            "Provisioned Erlang-B",
            FormattableString.Invariant($"N={provisioned} provisioned, a={load} lognormal, keep-alive 0"),
            "cold-start ratio",
            LambdaScenario(
                Rules(r => r with { ProvisionedConcurrency = ProvisionedConcurrencyOptions.Constant(provisioned) }),
                ArrivalProcess.Poisson(rate), ioSeconds: 0, 200_000 / rate, io: Service("lognormal"), keepAliveSeconds: 0),
            r => r.ColdStartRatio,
            QueueingTheory.ErlangB(provisioned, load),
            MaxRelativeHalfWidth: 0.05,
            quick);
    }

    // A reservation of 0 throttles every attempt: with the SDK's standard retries each request gets exactly three 429s.
    private static ValidationCase ClientRetries(bool quick) => new(
        "Retries",
        "SDK standard retries, every attempt throttled",
        "throttle responses per request",
        LambdaScenario(Rules(r => r), ArrivalProcess.Constant(100), ioSeconds: 0.1, 100, replications: 2,
            function: f => f with { ReservedConcurrency = 0, Invocation = new SynchronousInvocation(ClientRetryOptions.AwsSdkStandard) }),
        r => r.ThrottleResponses / (double)r.Requests,
        ClientRetryOptions.AwsSdkStandard.MaxAttempts,
        MaxRelativeHalfWidth: 0,
        quick,
        Deterministic: true,
        CheckLittlesLaw: false);

    // Asynchronous invocation retries a function error twice: an event ends in error only after three, p^3.
    private static ValidationCase AsyncErrorRetries(double errorProbability, bool quick)
    {
        const double rate = 200;
        return new ValidationCase(
            "Retries",
            FormattableString.Invariant($"asynchronous, error probability {errorProbability}, 2 retries"),
            "errors per request",
            LambdaScenario(Rules(r => r), ArrivalProcess.Poisson(rate), ioSeconds: 0.05, 100_000 / rate,
                function: f => f with { ErrorProbability = errorProbability, Invocation = AsynchronousInvocation.Default }),
            r => r.Errors / (double)r.Requests,
            Math.Pow(errorProbability, 3),
            MaxRelativeHalfWidth: 0.05,
            quick,
            CheckLittlesLaw: false);
    }

    // One request every t seconds under the measured idle lifetime: it is cold when its environment's lifetime drew
    // less than the idle time, with probability F(t): 0.406 + (390 - 360) / 60 x (1 - 0.406) = 0.703 at t = 390 s.
    private static ValidationCase MeasuredIdleLifetime(double idleSeconds, bool quick)
    {
        var lifetime = (EmpiricalDistribution)IdleLifetimeKeepAlive.MeasuredAwsLambda2021.IdleLifetime;
        return new ValidationCase(
            "Idle lifetime",
            FormattableString.Invariant($"measured AWS curve (Shilkov 2021), a request every {idleSeconds} s"),
            "cold-start ratio",
            LambdaScenario(Rules(r => r with { KeepAlive = IdleLifetimeKeepAlive.MeasuredAwsLambda2021 }),
                ArrivalProcess.Constant(1 / idleSeconds), ioSeconds: 1e-6, idleSeconds * 4000, warmUp: idleSeconds + 1),
            r => r.ColdStartRatio,
            lifetime.Cdf(idleSeconds),
            MaxRelativeHalfWidth: 0.02,
            quick);
    }

    // One request every 30 minutes, a 0.5 s init: once 10 idle times are in the histogram (all in its 29th minute),
    // the policy pre-warms 0.9 x 29 min = 1,566 s after each request and keeps the environment until the next one, so
    // an environment lives 1,800 - 1,566 = 234 s of every 1,800: 0.13 on average, and no request is cold.
    private static ValidationCase HybridPrewarm(bool quick) => new(
        "Hybrid histogram",
        "a request every 30 min, 0.5 s init, the paper's settings",
        "environments (time-averaged)",
        LambdaScenario(Rules(r => r with { KeepAlive = HybridHistogramKeepAlive.Paper }), ArrivalProcess.Constant(1.0 / 1800), ioSeconds: 0.001,
            1800 * 80, warmUp: 1800 * 20.5, coldStartSeconds: 0.5, replications: 2),
        r => r.InstancesMean,
        234.0 / 1800,
        MaxRelativeHalfWidth: 0,
        quick,
        Deterministic: true);

    private static PerRequestScalingOptions Rules(Func<PerRequestScalingOptions, PerRequestScalingOptions> change) =>
        change((PerRequestScalingOptions)Presets.AwsLambda.Scaling!);

    private static Scenario LambdaScenario(
        PerRequestScalingOptions scaling,
        ArrivalProcess arrivals,
        double ioSeconds,
        double horizon,
        double warmUp = 10,
        IDistribution? io = null,
        double coldStartSeconds = 0,
        double keepAliveSeconds = 600,
        int limit = 10_000_000,
        int replications = Replications,
        Func<FunctionDefinition, FunctionDefinition>? function = null)
    {
        var definition = new FunctionDefinition(
            "f", CpuShare.MegabytesPerVCpu, arrivals, new WorkProfile(ConstantDistribution.Zero, io ?? new ConstantDistribution(ioSeconds)),
            new ConstantDistribution(coldStartSeconds), SimDuration.FromSeconds(keepAliveSeconds));
        return new Scenario(
            Name: "validation",
            Function: function?.Invoke(definition) ?? definition,
            Policies: [Presets.AwsLambda with { Scaling = scaling }],
            Horizon: SimDuration.FromSeconds(warmUp + horizon),
            WarmUp: SimDuration.FromSeconds(warmUp),
            Seed: 20261202,
            Replications: replications,
            Account: new AccountOptions(limit));
    }
}
