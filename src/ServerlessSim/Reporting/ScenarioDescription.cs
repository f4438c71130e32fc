using System.Globalization;
using ServerlessSim.Experiments;
using ServerlessSim.Policies;
using ServerlessSim.Policies.Contention;
using ServerlessSim.Policies.Scaling;
using ServerlessSim.Policies.Waiting;

namespace ServerlessSim.Reporting;

/// <summary>One-line descriptions of a scenario's functions, for tables and reports.</summary>
public static class ScenarioDescription
{
    /// <summary>The function (memory, work, cold start, keep-alive), or with several: how many, memory range and expected requests.</summary>
    public static string Functions(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var functions = scenario.Functions;
        if (functions.Count == 1)
        {
            var f = functions[0];
            return FormattableString.Invariant(
                $"function {f.Name}: {f.MemoryMb:0} MB, CPU {f.Work.CpuDemand.Describe()}, IO wait {f.Work.IoWait.Describe()}, cold start {f.ColdStart.Describe()}, keep-alive {(f.KeepAlive.IsInfinite ? "infinite" : f.KeepAlive.Seconds.ToString(CultureInfo.InvariantCulture) + " s")}{PerRequestDescription.Clause(f)}");
        }

        var expected = functions.Sum(f => f.Arrivals.ExpectedArrivals(scenario.WarmUp.Seconds, scenario.Horizon.Seconds));
        return FormattableString.Invariant(
            $"{functions.Count} functions sharing the account, {functions.Min(f => f.MemoryMb):0} to {functions.Max(f => f.MemoryMb):0} MB, {expected:N0} requests expected after warm-up");
    }

    /// <summary>
    /// A policy's platform as a clause: e.g. <c>, autoscaled (knative), waiting in a front queue (300 s)</c>, or for per-request
    /// scaling the Lambda rules in force (<c>, scaling rate 1000 per 10 s, init timeout 10 s</c>); empty with none.
    /// </summary>
    public static string Platform(PolicyOptions policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!policy.IsAutoscaled)
        {
            var perRequest = policy.Scaling is PerRequestScalingOptions rules ? PerRequestDescription.Clause(rules) : string.Empty;
            return policy.Batching is { } batching ? perRequest + BatchingDocument.Describe(batching) : perRequest;
        }

        var waiting = policy.EffectiveWaiting;
        var waits = waiting.Kind switch
        {
            WaitingKind.FrontQueue => FormattableString.Invariant(
                $"waiting in a front queue ({(waiting.Timeout.IsInfinite ? "no timeout" : FormattableString.Invariant($"{waiting.Timeout.Seconds} s"))}{(waiting.Capacity is { } c ? FormattableString.Invariant($", {c:N0} at most") : string.Empty)})"),
            WaitingKind.Reject => "rejected when every instance is full",
            _ => "waiting for a new instance",
        };
        var contention = policy.EffectiveContention;
        var contends = contention.Kind == ContentionKind.Interference
            ? FormattableString.Invariant($", interference alpha {contention.InterferenceAlpha}")
            : string.Empty;
        return $", autoscaled ({policy.EffectiveScaling.Kind}), {waits}{contends}{(contention.Memory is null ? string.Empty : ", memory-limited")}";
    }

    /// <summary>A policy's vCPUs per instance as text, or "each function's" with several functions (each has its own memory).</summary>
    public static string VCpusPerInstance(PolicyResult policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.FunctionResults.Count > 0 ? "each function's" : policy.VCpusPerInstance.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
