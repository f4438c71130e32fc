namespace ServerlessSim.Policies.Concurrency;

/// <summary>How many requests an instance serves at once, and with how much CPU.</summary>
/// <remarks>Asked once when a run is set up, never per event. Implementations are immutable and thread-safe.</remarks>
public interface IConcurrencyPolicy
{
    /// <summary>The most requests one instance serves at once (1 for Lambda; K for Cloud Run and Knative).</summary>
    int MaxConcurrentPerInstance { get; }

    /// <summary>The vCPUs of one instance of a function with <paramref name="memoryMb"/> MB.</summary>
    double VCpusPerInstance(double memoryMb);

    /// <summary>A short description for reports.</summary>
    string Describe();
}
