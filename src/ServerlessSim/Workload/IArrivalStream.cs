namespace ServerlessSim.Workload;

/// <summary>The arrival times of one process in one run, in order; made by <see cref="ArrivalProcess.CreateStream"/>.</summary>
/// <remarks>Not thread-safe: a stream belongs to one run. Implementations do not allocate per arrival.</remarks>
public interface IArrivalStream
{
    /// <summary>The next arrival time, in seconds from the start of the run: never before the previous one; +infinity once there are no more.</summary>
    double Next();
}
