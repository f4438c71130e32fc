using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Concurrency;
using ServerlessSim.Policies.Contention;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Policies.Waiting;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Validation;

/// <summary>The autoscaler and contention cases: where a steady load settles, and the interference model's closed form.</summary>
public static partial class ValidationSuite
{
    private static IEnumerable<ValidationCase> AutoscalingCases()
    {
        yield return KnativeSteadyState(offeredLoad: 101.5, targetConcurrency: 10, quick: true);
        yield return KnativeSteadyState(offeredLoad: 315, targetConcurrency: 100, quick: false);
        yield return CloudRunSteadyState(offeredLoad: 101.5, quick: false);
        yield return Interference(k: 10, alpha: 0.1, quick: true);
        yield return Interference(k: 20, alpha: 0.05, quick: false);
    }

    // Target 10 at 70%: 7 requests per pod. Poisson arrivals of 200 ms IO-only requests (no CPU, so no contention,
    // no cold start): L = lambda x E[S] requests in flight. The 60 s average of L has a standard deviation of about
    // sqrt(L x E[S] / 60) (0.58 at L = 101.5): L / 7 = 14.5 sits half-way between 14 and 15 pods, 6 deviations from
    // either, so the pool holds ceil(L / 7) pods exactly once panic mode has passed (before the warm-up ends). With
    // the default target 100 (70 per pod), L = 315 is 4.5 pods, 35 requests (30 deviations) from either edge.
    private static ValidationCase KnativeSteadyState(double offeredLoad, double targetConcurrency, bool quick)
    {
        const double service = 0.2;
        var scaling = new KnativeScalingOptions { TargetConcurrency = targetConcurrency, TargetUtilization = 0.7 };
        var policy = Presets.Knative with { Name = "knative", Scaling = scaling };
        return new ValidationCase(
            "KPA steady state",
            FormattableString.Invariant($"L={offeredLoad} target {targetConcurrency} x 70%"),
            "pods (time-averaged)",
            AutoscaledScenario(policy, ArrivalProcess.Poisson(offeredLoad / service), ConstantDistribution.Zero, new ConstantDistribution(service), 600, 120),
            r => ExactCount(r.InstancesMean),
            Math.Ceiling(offeredLoad / scaling.TargetValue),
            MaxRelativeHalfWidth: 0.02,
            quick);
    }

    // K = 20 at 60%: 12 requests per instance, L = 101.5: ceil(8.46) = 9, the 60 s average 5.5 (below) to 6.5 (above)
    // requests from the edges, 9 deviations. The 15-minute retention holds the largest decision of the last 15
    // minutes, so the warm-up covers the start (a cold service's first burst scales it up further) and 15 minutes.
    private static ValidationCase CloudRunSteadyState(double offeredLoad, bool quick)
    {
        const double service = 0.2;
        const int k = 20;
        var policy = Presets.CloudRun with { Concurrency = new ManyPerInstanceOptions(k, 1) };
        return new ValidationCase(
            "Cloud Run steady state",
            FormattableString.Invariant($"L={offeredLoad} K={k} at 60%"),
            "instances (time-averaged)",
            AutoscaledScenario(policy, ArrivalProcess.Poisson(offeredLoad / service), ConstantDistribution.Zero, new ConstantDistribution(service), 400, 1000),
            r => ExactCount(r.InstancesMean),
            Math.Ceiling(offeredLoad / (0.6 * k)),
            MaxRelativeHalfWidth: 0.02,
            quick);
    }

    // One instance whose K slots are always taken (arrivals at 1.5x its capacity, a queue of 2K that never empties):
    // every request is served at 1 / (1 + (K - 1) alpha) of its solo speed, so the instance completes
    // K / ((1 + (K - 1) alpha) E[S]) requests a second. E.g. K = 10, alpha = 0.1, E[S] = 100 ms: 10 / 0.19 = 52.6/s.
    private static ValidationCase Interference(int k, double alpha, bool quick)
    {
        const double service = 0.1;
        var throughput = k / ((1 + ((k - 1) * alpha)) * service);
        var policy = new PolicyOptions("interference", new ManyPerInstanceOptions(k, VCpus: 1))
        {
            Scaling = new CloudRunScalingOptions { MinInstances = 1, MaxInstances = 1 },
            Waiting = WaitingOptions.FrontQueue(SimDuration.Infinite, 2 * k),
            Contention = ContentionOptions.Interference(alpha),
        };
        const double window = 2000;
        return new ValidationCase(
            "Interference",
            FormattableString.Invariant($"K={k} alpha={alpha} exponential E[S]=100 ms, saturated"),
            "completions per second",
            AutoscaledScenario(policy, ArrivalProcess.Poisson(1.5 * throughput), ConstantDistribution.Zero, new ExponentialDistribution(service), window, 20),
            r => r.Completed / window,
            throughput,
            MaxRelativeHalfWidth: 0.01,
            quick);
    }

    // A count held constant over the window is an integer; the time integral's floating-point sum leaves ~1e-14 of
    // noise, which a 0-wide interval would judge. Nine decimals keep any real departure (one pod for one tick: 3e-3).
    private static double ExactCount(double timeAveraged) => Math.Round(timeAveraged, 9);

    private static Scenario AutoscaledScenario(PolicyOptions policy, ArrivalProcess arrivals, IDistribution cpu, IDistribution io, double window, double warmUp) =>
        Single(policy, arrivals, cpu, io, horizon: window, warmUp: warmUp, limit: 10_000_000);
}
