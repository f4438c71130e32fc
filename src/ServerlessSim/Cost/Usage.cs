namespace ServerlessSim.Cost;

/// <summary>What a run used, in the units bills are computed from; any billing model can price it.</summary>
/// <remarks>
/// Per-request and per-start quantities (<see cref="Executions"/>, <see cref="Inits"/>) cover the requests that
/// arrived in the window and the instances started in it, whenever they finish. Per-instance periods
/// (<see cref="ActivePeriods"/>, <see cref="ExecutingPeriods"/>, <see cref="Lifetimes"/>) and instance-seconds are
/// clipped to the window [warm-up, horizon), like every time-weighted statistic. A request's execution runs from its
/// start on an instance to its completion (IO wait included, cold-start wait excluded).
/// </remarks>
/// <param name="CompletedRequests">Requests that ran to completion (throttled requests are not billed): what cost per request divides by.</param>
/// <param name="Executions">Each executed invocation's run on an on-demand instance, start to end (failed attempts included; provisioned ones are in <paramref name="Provisioned"/>).</param>
/// <param name="Inits">Each instance initialisation.</param>
/// <param name="ActivePeriods">Each stretch in which an instance was initialising or held at least one request (Cloud Run request-based billable time).</param>
/// <param name="ExecutingPeriods">Each stretch in which an initialised instance held at least one request (Azure Flex Consumption billable activity).</param>
/// <param name="Lifetimes">Each instance's life, from its start to its reclaim (Cloud Run instance-based billing).</param>
/// <param name="BusyInstanceSeconds">Instance-seconds serving at least one request.</param>
/// <param name="IdleInstanceSeconds">Instance-seconds ready but serving nothing.</param>
/// <param name="InitializingInstanceSeconds">Instance-seconds initialising.</param>
/// <param name="MemoryMb">Memory per instance, in MB (GB-seconds = MB / 1,024 x seconds).</param>
/// <param name="VCpusPerInstance">vCPUs per instance.</param>
/// <param name="CpuSeconds">CPU-seconds the executed invocations demanded (on one full vCPU), on demand and provisioned: the work done.</param>
/// <param name="Provisioned">Capacity kept warm by configuration; null for none.</param>
/// <param name="QueueRequests">Queue (SQS) requests as billed: each API call counts once per started 64 KB of payload (<see cref="QueueBilling.BilledRequests"/>).</param>
/// <param name="Invocations">Invocations that ran, each billed as a request (retried attempts and function errors included; a batch is one); null for <paramref name="CompletedRequests"/>.</param>
public sealed record Usage(
    long CompletedRequests,
    MeteredTime Executions,
    MeteredTime Inits,
    MeteredTime ActivePeriods,
    MeteredTime ExecutingPeriods,
    MeteredTime Lifetimes,
    double BusyInstanceSeconds,
    double IdleInstanceSeconds,
    double InitializingInstanceSeconds,
    double MemoryMb,
    double VCpusPerInstance,
    double CpuSeconds,
    ProvisionedUsage? Provisioned = null,
    long QueueRequests = 0,
    long? Invocations = null)
{
    /// <summary>The invocations billed as requests: <see cref="Invocations"/>, or the completed requests if not given.</summary>
    public long BilledInvocations => Invocations ?? CompletedRequests;

    /// <summary>Nothing used, with instances of <paramref name="memoryMb"/> MB and <paramref name="vCpus"/> vCPUs; fill in with <c>with</c>.</summary>
    public static Usage Empty(double memoryMb, double vCpus) => new(
        0, MeteredTime.None, MeteredTime.None, MeteredTime.None, MeteredTime.None, MeteredTime.None, 0, 0, 0, memoryMb, vCpus, 0);

    /// <summary>The usage of several functions together (an account): quantities add up.</summary>
    /// <remarks>
    /// Memory and vCPUs per instance are the functions' if they all agree, else 0 (mixed): bill each function on its
    /// own usage and add the bills (<see cref="CostSummary.Sum"/>). Provisioned capacity is kept per function only.
    /// </remarks>
    public static Usage Sum(IReadOnlyList<Usage> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        var memory = parts.All(p => p.MemoryMb == parts[0].MemoryMb) ? parts[0].MemoryMb : 0;
        var vCpus = parts.All(p => p.VCpusPerInstance == parts[0].VCpusPerInstance) ? parts[0].VCpusPerInstance : 0;
        return new Usage(
            parts.Sum(p => p.CompletedRequests),
            MeteredTime.Sum(parts.Select(p => p.Executions)),
            MeteredTime.Sum(parts.Select(p => p.Inits)),
            MeteredTime.Sum(parts.Select(p => p.ActivePeriods)),
            MeteredTime.Sum(parts.Select(p => p.ExecutingPeriods)),
            MeteredTime.Sum(parts.Select(p => p.Lifetimes)),
            parts.Sum(p => p.BusyInstanceSeconds),
            parts.Sum(p => p.IdleInstanceSeconds),
            parts.Sum(p => p.InitializingInstanceSeconds),
            memory,
            vCpus,
            parts.Sum(p => p.CpuSeconds),
            Provisioned: null,
            QueueRequests: parts.Sum(p => p.QueueRequests),
            Invocations: parts.Sum(p => p.BilledInvocations));
    }

    /// <summary>Memory per instance in GB (binary: MB / 1,024), as every platform bills it.</summary>
    public decimal MemoryGb => (decimal)MemoryMb / 1024m;
}
