namespace ServerlessSim.Policies.Dispatch;

/// <summary>Chooses which ready instance serves an arriving request.</summary>
/// <remarks>Called once per request with the current time; implementations are immutable and thread-safe (per-run state, such as a round-robin position or a random stream, comes in the context).</remarks>
public interface IDispatchPolicy
{
    /// <summary>The load (0..K-1) of the group to take an instance from, or -1 to use none (a new instance starts).</summary>
    /// <remarks>Must return -1 or a load for which an instance is available (see <see cref="DispatchContext"/>).</remarks>
    int ChooseLoad(in DispatchContext context);

    /// <summary>The instance (slot number) to serve the request, or -1 to use none.</summary>
    /// <remarks>
    /// Must return -1 or an instance that can take a request. By default, the most recently used instance of the
    /// group <see cref="ChooseLoad"/> picks. Autoscaled platforms call this; per-request scaling calls <see cref="ChooseLoad"/>.
    /// </remarks>
    int ChooseInstance(in DispatchContext context)
    {
        var load = ChooseLoad(context);
        return load < 0 ? -1 : context.MostRecentAtLoad(load);
    }
}
