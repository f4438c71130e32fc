using ServerlessSim.Engine;
using ServerlessSim.Platform;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Policies.Invocation;
using ServerlessSim.Policies;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Experiments;

/// <summary>Ready-made scenarios.</summary>
public static class BuiltInScenarios
{
    /// <summary>
    /// The team's question: an IO-heavy Node.js API (CPU median 10 ms, IO wait median 150 ms, both lognormal) at
    /// 1,024 MB, Poisson 1,000 req/s with a spike to 8,000 req/s from 300 s to 360 s, cold start lognormal (median
    /// 250 ms, p99 900 ms), 10-minute keep-alive, account limit 1,000; AWS Lambda (<see cref="Presets.AwsLambda"/>:
    /// one request per instance, its scaling rate and init timeout) against up to 80 per instance (Cloud Run's default)
    /// on 1-vCPU instances. Horizon 1,200 s, warm-up 60 s, 5 replications.
    /// </summary>
    /// <remarks>
    /// Little's law sizes the spike: 8,000 req/s x about 0.19 s per request is about 1,500 requests in flight, more
    /// than the 1,000 the account allows one request per instance; 80 per instance need about 20 instances.
    /// </remarks>
    public static Scenario IoHeavyApi(long seed = 42, int replications = 5) => new(
        Name: "io-heavy-api",
        Function: new FunctionDefinition(
            Name: "api",
            MemoryMb: 1024,
            Arrivals: ArrivalProcess.Scheduled(ArrivalKind.Poisson, [new(0, 1000), new(300, 8000), new(360, 1000)]),
            Work: new WorkProfile(
                CpuDemand: LogNormalDistribution.FromMedianAndP99(0.010, 0.040),
                IoWait: LogNormalDistribution.FromMedianAndP99(0.150, 0.600)),
            ColdStart: LogNormalDistribution.FromMedianAndP99(0.250, 0.900),
            KeepAlive: SimDuration.FromMinutes(10)),
        Policies:
        [
            Presets.AwsLambda with { Name = "lambda" },
            PolicyOptions.ManyPerInstance(80, vCpus: 1, name: "many-k80"),
        ],
        Horizon: SimDuration.FromSeconds(1200),
        WarmUp: SimDuration.FromSeconds(60),
        Seed: seed,
        Replications: replications);

    /// <summary>
    /// The same traffic as <see cref="IoHeavyApi"/>, as asynchronous events (each request's caller does not wait; Lambda's
    /// event queue retries throttles), compared three ways: AWS Lambda invoked asynchronously, up to 80 per instance,
    /// and an SQS queue in front of Lambda whose pollers invoke it with batches of up to 100 messages gathered for up
    /// to 1 s, handled concurrently inside the invocation, at most 200 batches at once, with a dead-letter queue after 5
    /// receives.
    /// </summary>
    /// <remarks>
    /// At 1,000 events/s a batch fills in 0.1 s, so the window rarely waits; an invocation of 100 events takes their
    /// CPU summed on the environment's 0.58 vCPU (about 100 x 12 ms / 0.58 = 2 s) while their IO overlaps, so about
    /// 20 environments serve what one request per environment needs 200 for, and the spike's 8,000 events/s fit in 160
    /// batches at once.
    /// </remarks>
    public static Scenario IoHeavyApiAsync(long seed = 42, int replications = 5)
    {
        var sync = IoHeavyApi(seed, replications);
        return sync with
        {
            Name = "io-heavy-api-async",
            Function = sync.Function with { Invocation = AsynchronousInvocation.Default },
            Policies =
            [
                sync.Policies[0],
                sync.Policies[1],
                PolicyOptions.Batched(
                    BatchingOptions.Sqs(100, SimDuration.FromSeconds(1), maximumConcurrency: 200, maxReceiveCount: 5) with
                    {
                        Execution = BatchExecutionOptions.Concurrent,
                        Queue = new SqsQueueOptions { MaxReceiveCount = 5, VisibilityTimeout = SimDuration.FromSeconds(60) },
                    },
                    "sqs-batch"),
            ],
        };
    }
}
