using System.Globalization;
using ServerlessSim.Experiments;

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
                $"function {f.Name}: {f.MemoryMb:0} MB, CPU {f.Work.CpuDemand.Describe()}, IO wait {f.Work.IoWait.Describe()}, cold start {f.ColdStart.Describe()}, keep-alive {(f.KeepAlive.IsInfinite ? "infinite" : f.KeepAlive.Seconds.ToString(CultureInfo.InvariantCulture) + " s")}");
        }

        var expected = functions.Sum(f => f.Arrivals.ExpectedArrivals(scenario.WarmUp.Seconds, scenario.Horizon.Seconds));
        return FormattableString.Invariant(
            $"{functions.Count} functions sharing the account, {functions.Min(f => f.MemoryMb):0} to {functions.Max(f => f.MemoryMb):0} MB, {expected:N0} requests expected after warm-up");
    }

    /// <summary>A policy's vCPUs per instance as text, or "each function's" with several functions (each has its own memory).</summary>
    public static string VCpusPerInstance(PolicyResult policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.FunctionResults.Count > 0 ? "each function's" : policy.VCpusPerInstance.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
