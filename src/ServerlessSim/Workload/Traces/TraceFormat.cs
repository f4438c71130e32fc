namespace ServerlessSim.Workload.Traces;

/// <summary>The trace formats ServerlessSim reads (docs/workloads.md).</summary>
public enum TraceFormat
{
    /// <summary>Azure Functions 2019: per-function invocation counts per minute, duration percentiles, app memory (a directory).</summary>
    Azure2019,

    /// <summary>Azure Functions 2021: one row per invocation (app, func, end_timestamp, duration).</summary>
    Azure2021,

    /// <summary>A generic CSV: timestamp[,function][,duration], in seconds.</summary>
    Csv,
}
