namespace ServerlessSim.Policies.Dispatch;

/// <summary>Chooses which ready instance serves an arriving request.</summary>
/// <remarks>Called once per request with the current time; implementations are immutable and thread-safe.</remarks>
public interface IDispatchPolicy
{
    /// <summary>The load (0..K-1) of the group to take an instance from, or -1 to use none (a new instance starts).</summary>
    /// <remarks>Must return -1 or a load for which an instance is available (see <see cref="DispatchContext"/>).</remarks>
    int ChooseLoad(in DispatchContext context);
}
