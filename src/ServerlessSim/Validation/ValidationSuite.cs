using System.Globalization;
using ServerlessSim.Engine;
using ServerlessSim.Experiments;
using ServerlessSim.Platform;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Reporting;
using ServerlessSim.Workload;

namespace ServerlessSim.Validation;

/// <summary>The known-answer cases of <c>serverless-sim validate</c>; see <see cref="Oracles"/> for each oracle's assumptions.</summary>
public static partial class ValidationSuite
{
    /// <summary>Replications per case: the t quantile at 99.9% with 9 degrees of freedom is 4.78, so 10 keep intervals honest (deterministic bills run twice).</summary>
    public const int Replications = 10;

    private const double ServiceMeanSeconds = 0.2;

    /// <summary>Every case, in report order.</summary>
    public static IReadOnlyList<ValidationCase> All { get; } = Build();

    /// <summary>The quick subset CI runs (well under a minute in Release on two cores).</summary>
    public static IReadOnlyList<ValidationCase> Quick { get; } = All.Where(c => c.Quick).ToArray();

    private static ValidationCase[] Build()
    {
        var cases = new List<ValidationCase>();
        foreach (var servers in new[] { 1, 10, 100, 1000 })
        {
            foreach (var loadFactor in new[] { 0.5, 1.0, 2.0 })
            {
                foreach (var distribution in new[] { "constant", "exponential", "lognormal" })
                {
                    var quick = (servers, loadFactor, distribution) is (10, 1.0, "exponential") or (1000, 1.0, "lognormal") or (100, 2.0, "constant");
                    cases.Add(ErlangB(servers, servers * loadFactor, distribution, quick));
                }
            }
        }

        cases.Add(InfiniteServer(100, quick: false));
        cases.Add(InfiniteServer(1000, quick: true));
        foreach (var rho in new[] { 0.3, 0.5, 0.8, 0.9 })
        {
            cases.Add(ProcessorSharing(rho, "exponential", quick: rho == 0.5));
            cases.Add(ProcessorSharing(rho, "lognormal", quick: rho == 0.8));
        }

        cases.Add(MultiServerProcessorSharing(vCpus: 4, rho: 0.5, quick: false));
        cases.Add(MultiServerProcessorSharing(vCpus: 4, rho: 0.8, quick: true));
        foreach (var lambdaT in new[] { 0.5, 1.0, 2.0, 3.0 })
        {
            cases.Add(KeepAlive(lambdaT, quick: lambdaT is 1.0 or 3.0));
        }

        cases.AddRange(AutoscalingCases());
        cases.AddRange(LambdaCases());
        cases.AddRange(BillCases.All());
        cases.AddRange(BatchingCases.All());

        return cases.ToArray();
    }

    private static ValidationCase ErlangB(int servers, double load, string distribution, bool quick)
    {
        var theory = QueueingTheory.ErlangB(servers, load);
        return new ValidationCase(
            "Erlang-B",
            Invariant($"c={servers} a={load:0.#} {distribution}"),
            "throttle ratio",
            ErlangBScenario(servers, load, distribution),
            r => r.ThrottleRatio,
            theory,
            MaxRelativeHalfWidth: 0.10,
            quick,
            PhaseLocked: distribution == "constant");
    }

    private static Scenario ErlangBScenario(int servers, double load, string distribution)
    {
        var rate = load / ServiceMeanSeconds;
        var loss = QueueingTheory.ErlangB(servers, load);

        // About 400 throttles per replication when losses are common, between 100,000 and 1,000,000 requests.
        var horizon = Math.Clamp(400 / (Math.Max(loss, 1e-12) * rate), 100_000 / rate, 1_000_000 / rate);
        return Single(
            PolicyOptions.OnePerInstance(), ArrivalProcess.Poisson(rate), ConstantDistribution.Zero, Service(distribution),
            horizon, warmUp: 25 * ServiceMeanSeconds, limit: servers);
    }

    private static ValidationCase InfiniteServer(double rate, bool quick) => new(
        "M/G/infinity",
        Invariant($"lambda={rate:0}/s lognormal E[S]=0.2 s"),
        "mean in flight (requests)",
        InfiniteServerScenario(rate),
        r => r.InFlightMean,
        QueueingTheory.InfiniteServerMeanInSystem(rate, ServiceMeanSeconds),
        MaxRelativeHalfWidth: 0.02,
        quick);

    private static Scenario InfiniteServerScenario(double rate) => Single(
        PolicyOptions.OnePerInstance(), ArrivalProcess.Poisson(rate), ConstantDistribution.Zero, Service("lognormal"),
        horizon: 200_000 / rate, warmUp: 5, limit: 10_000_000);

    private static ValidationCase ProcessorSharing(double rho, string distribution, bool quick)
    {
        const double meanDemand = 0.010;
        IDistribution demand = distribution == "exponential" ? Exponential(meanDemand) : LogNormalWithMean(meanDemand, median: 0.006);
        return new ValidationCase(
            "M/G/1-PS",
            Invariant($"rho={rho} {distribution} E[S]=10 ms"),
            "mean latency (ms)",
            ProcessorSharingScenario(rho, demand),
            r => r.LatencyMs.Mean,
            QueueingTheory.ProcessorSharingMeanResponse(meanDemand, rho) * 1000,
            MaxRelativeHalfWidth: 0.05,
            quick);
    }

    // One many-requests instance with 1 vCPU, CPU-only work, no cold start, never reclaimed; about 200,000
    // requests per replication (1,000,000 at rho = 0.9, where the mean converges slowly).
    private static Scenario ProcessorSharingScenario(double rho, IDistribution demand)
    {
        var rate = rho / demand.Mean;
        var requests = rho >= 0.9 ? 1_000_000 : 200_000;
        return Single(
            PolicyOptions.ManyPerInstance(ManyPerInstanceLimit, vCpus: 1), ArrivalProcess.Poisson(rate), demand, ConstantDistribution.Zero,
            horizon: requests / rate, warmUp: 10, limit: 10_000_000, maxInstances: 1);
    }

    private static ValidationCase MultiServerProcessorSharing(int vCpus, double rho, bool quick)
    {
        const double meanDemand = 0.010;
        var rate = rho * vCpus / meanDemand;
        return new ValidationCase(
            "M/M/c-PS",
            Invariant($"c={vCpus} vCPUs rho={rho} exponential E[S]=10 ms"),
            "mean latency (ms)",
            Single(
                PolicyOptions.ManyPerInstance(ManyPerInstanceLimit, vCpus: vCpus), ArrivalProcess.Poisson(rate), Exponential(meanDemand),
                ConstantDistribution.Zero, horizon: 400_000 / rate, warmUp: 10, limit: 10_000_000, maxInstances: 1),
            r => r.LatencyMs.Mean,
            QueueingTheory.MultiServerProcessorSharingMeanResponse(vCpus, rate, meanDemand) * 1000,
            MaxRelativeHalfWidth: 0.03,
            quick);
    }

    private static ValidationCase KeepAlive(double lambdaT, bool quick)
    {
        const double rate = 1.0;
        var keepAlive = lambdaT / rate;
        return new ValidationCase(
            "Keep-alive",
            Invariant($"lambda*T={lambdaT} (lambda=1/s, T={keepAlive} s, 1 us requests)"),
            "cold-start ratio",
            Single(
                PolicyOptions.OnePerInstance(), ArrivalProcess.Poisson(rate), ConstantDistribution.Zero, new ConstantDistribution(1e-6),
                horizon: 50_000 / rate, warmUp: 10, limit: 10_000_000, keepAlive: SimDuration.FromSeconds(keepAlive)),
            r => r.ColdStartRatio,
            QueueingTheory.KeepAliveColdStartProbability(rate, keepAlive),
            MaxRelativeHalfWidth: 0.05,
            quick);
    }

    // K large enough that a single instance never rejects (P(n >= 10,000) is about rho^10000 = 0).
    private const int ManyPerInstanceLimit = 10_000;

    private static Scenario Single(
        PolicyOptions policy,
        ArrivalProcess arrivals,
        IDistribution cpu,
        IDistribution io,
        double horizon,
        double warmUp,
        int limit,
        int? maxInstances = null,
        SimDuration? keepAlive = null) => new(
            Name: "validation",
            Function: new FunctionDefinition(
                "f", CpuShare.MegabytesPerVCpu, arrivals, new WorkProfile(cpu, io), ConstantDistribution.Zero,
                keepAlive ?? SimDuration.Infinite, maxInstances),
            Policies: [policy],
            Horizon: SimDuration.FromSeconds(warmUp + horizon),
            WarmUp: SimDuration.FromSeconds(warmUp),
            Seed: 20261126,
            Replications: Replications,
            Account: new AccountOptions(limit));

    private static IDistribution Service(string distribution) => distribution switch
    {
        "constant" => new ConstantDistribution(ServiceMeanSeconds),
        "exponential" => Exponential(ServiceMeanSeconds),
        _ => LogNormalWithMean(ServiceMeanSeconds, median: 0.15),
    };

    private static ExponentialDistribution Exponential(double mean) => new(mean);

    // The lognormal with this median and mean: e^mu = median and e^(mu + sigma^2 / 2) = mean.
    private static LogNormalDistribution LogNormalWithMean(double mean, double median) =>
        new(Math.Log(median), Math.Sqrt(2 * Math.Log(mean / median)));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
