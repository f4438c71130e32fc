namespace ServerlessSim.Validation;

/// <summary>What each oracle of the validation suite states and assumes, for reports.</summary>
public static class Oracles
{
    /// <summary>(oracle, explanation) in report order.</summary>
    public static IReadOnlyList<(string Oracle, string Explanation)> Descriptions { get; } =
    [
        ("Erlang-B",
            "A concurrency limit c with rejection, one request per instance, no cold start and instances never reclaimed is an M/G/c/c " +
            "loss system. With offered load a = lambda x E[S], the fraction of requests throttled is B(c, a) (1/B(0) = 1, " +
            "1/B(j) = 1 + (j / a) / B(j - 1)), whatever the service distribution: constant, exponential and lognormal (median 150 ms, " +
            "mean 200 ms) must all agree. Checks the limit, the accounting of in-flight requests and the Poisson arrivals."),
        ("M/G/infinity",
            "Unlimited instances, one request each, no cold start: the mean number of requests in flight is lambda x E[S] " +
            "(lognormal durations, mean 200 ms). Checks the time-weighted in-flight gauge and that no request waits."),
        ("M/G/1-PS",
            "One many-requests instance with 1 vCPU, CPU-only work, no cold start: an M/G/1 processor-sharing queue, whose mean " +
            "response time is E[S] / (1 - rho) for any demand distribution (exponential, and lognormal with median 6 ms, mean 10 ms). " +
            "Checks the processor-sharing CPU: the virtual clock, the finish heap and the lazily re-issued CPU events."),
        ("M/M/c-PS",
            "One instance with c vCPUs, each of n requests computing at min(1, c / n), exponential demands: the number of requests " +
            "follows the same birth-death process as M/M/c, so the mean response time is 1/mu + C(c, a) / (c mu - lambda) " +
            "(Erlang-C). Checks CPU sharing across several vCPUs."),
        ("Keep-alive",
            "Poisson arrivals at rate lambda to one function whose requests take 1 us, with no cold-start delay and a fixed " +
            "keep-alive T: a request is cold exactly when the idle gap before it exceeds T, with probability exp(-lambda x T). " +
            "Checks expiry from the old end of the idle list and the single sweep timer."),
        ("KPA steady state",
            "Knative's autoscaler under a steady Poisson load of IO-only requests (no CPU, no cold start): once its panic mode has " +
            "passed it holds ceil(L / (target x utilisation)) pods, L = lambda x E[S] the mean requests in flight. The loads are chosen " +
            "half-way between two pod counts, many standard deviations of the 60 s average from either, so the count is exact. " +
            "Checks the metrics window, the stable and panic decisions, and the pool following its autoscaler."),
        ("Cloud Run steady state",
            "Cloud Run's autoscaler under the same load: ceil(L / (60% x K)) instances, the concurrency target over one minute; the " +
            "15-minute retention holds the largest decision, which is the same. Checks the concurrency target and the retention window."),
        ("Interference",
            "One instance whose K slots are always taken, under the interference model (each request at 1 / (1 + (K - 1) alpha) of " +
            "its solo speed): it completes K / ((1 + (K - 1) alpha) E[S]) requests a second, for any service distribution. Checks " +
            "the interference rate, the front queue and serving the queue as slots free up."),
        ("Scaling rate",
            "AWS Lambda's scaling rate under a step of constant traffic whose requests outlast the run, so that every environment " +
            "serves one request and the environments started are exactly what the rate allows. Token bucket (1,000 per 10 s, " +
            "refilled continuously): floor(1,000 + 100 x t) by the last arrival t. Legacy burst (500, then 500 a minute): " +
            "ceil(500 + (t - t0) x 500 / 60), t0 the arrival that reached the burst. Deterministic: each replication must equal it."),
        ("Request rate",
            "AWS Lambda's invocation rate, 10 a second per unit of concurrency: a token bucket holding one second's worth, " +
            "refilled continuously. Constant arrivals at three times the rate, of requests so short that concurrency never " +
            "binds: the invocations served are floor(10 L + 10 L x (t - t1)) for an account limit L (or a reservation), t1 " +
            "and t the first and last arrivals. Deterministic: each replication must equal it."),
        ("Reserved Erlang-B",
            "A function with reserved concurrency c in an account far larger is an M/G/c/c loss system of its own: it is throttled " +
            "(ReservedFunctionConcurrentInvocationLimitExceeded) in the fraction B(c, a) of its requests. Checks that the " +
            "reservation, not the account limit, binds."),
        ("Provisioned Erlang-B",
            "N provisioned environments serve first; with a keep-alive of 0, an on-demand environment goes as soon as it is idle, " +
            "so a request waits for a cold start exactly when all N provisioned environments are busy. The provisioned pool is then " +
            "an M/G/N/N loss system and the cold-start ratio is B(N, a) (lognormal service). Checks that provisioned environments " +
            "are used first and spill-over goes on demand."),
        ("Retries",
            "Callers' retries with known counts: with every attempt throttled (a reservation of 0), the AWS SDKs' standard mode " +
            "makes exactly 3 attempts per request (deterministic); asynchronous invocation retries a function error twice, so with " +
            "error probability p an event ends in error with probability p^3. Little's law is not checked: failed requests wait " +
            "without a latency."),
        ("Idle lifetime",
            "Constant arrivals every t seconds under the idle-lifetime distribution fitted to Shilkov's AWS measurement: a request " +
            "is cold exactly when its environment's lifetime was shorter than t, with probability F(t) (0.703 at 390 s)."),
        ("Hybrid histogram",
            "The hybrid histogram policy (Shahrad et al., ATC 2020) on a function called every 30 minutes: once 10 idle times " +
            "(all in the 29th minute) make the histogram representative, the environment is unloaded after each request and " +
            "pre-warmed at 0.9 x 29 minutes, so it lives 234 s of every 1,800 (0.13 environments on average) and no request is " +
            "cold. Deterministic."),
        (BillCases.Oracle,
            "Deterministic scenarios (constant arrivals and work, no cold-start time) whose bill follows from the billing rules and " +
            "the price table's rows by arithmetic alone (docs/cost.md): e.g. 1,000,000 requests of 100 ms on Lambda x86 at 1,024 MB = " +
            "1e6 x $0.20/1M + 1e6 x 0.1 s x 1 GB x $0.0000166667 = $1.86667; 100.2 ms billed 101 ms; a million requests sharing one " +
            "Cloud Run instance billed once for its 1,000 s; lone 50 ms requests billed 100 ms on Cloud Run and 1,000 ms on Azure Flex. " +
            "Every replication is the same run, so each must equal the hand-computed bill (within a billionth of it, the float " +
            "resolution of summed instance-seconds). Checks the metered stretches, each platform's rounding, units and prices."),
        (BatchingCases.Oracle,
            "A function behind an SQS queue (Lambda's event source mapping). Deterministic arrivals (k / 3.5 s) with zero-time cold " +
            "starts: one batch gathers at a time, invoked when full or when its window (opened by its first message) ends, so a " +
            "batch size B and window W give exactly ceil(N / min(B, messages in W)) invocations, and a known mean latency from send " +
            "to processed. Every message sent ends processed, dead-lettered or expired (requests = completed + dropped, exactly, in " +
            "every replication, with function errors, partial batch responses, throttles and a short retention). Over-pull: with " +
            "reserved concurrency 10 and a burst, pollers free to scale past 10 are throttled and messages reach the dead-letter " +
            "queue; with MaximumConcurrency 10 none is throttled and none does. Checks the queue, the batch trigger, the pollers " +
            "and the invocation of the function's environments. Cases where messages are dropped skip Little's law."),
        ("Little's law",
            "Every case is also checked against Little's law on the same replications: in a stable run, mean in flight = " +
            "throughput x mean latency. The difference is measured per replication; edge effects " +
            "(requests straddling the warm-up and the horizon) cancel in expectation in a stationary run, so the 99.9% interval " +
            "of the mean difference must contain 0. Constant service in a loss system does not become stationary within any " +
            "practical horizon (a saturated pool refills each freed slot within a fraction of a millisecond, so the completion " +
            "pattern repeats every service time), so those cases are marked \"edge bound\" and checked against the exact " +
            "per-replication bound |L - X W| <= 2 x max in flight x max latency / T (the tolerance column shows the smallest bound)."),
    ];
}
