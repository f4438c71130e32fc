namespace ServerlessSim.Policies.Dispatch;

/// <summary>Round robin: the next instance with a free slot after the one that served the previous request, in slot order.</summary>
/// <remarks>E.g. instances 0, 1 and 2 with free slots, the previous request on 1: this one goes to 2, the next to 0.</remarks>
internal sealed class RoundRobinDispatch : IDispatchPolicy
{
    public static RoundRobinDispatch Instance { get; } = new();

    public int ChooseLoad(in DispatchContext context)
    {
        var instance = ChooseInstance(context);
        return instance < 0 ? -1 : context.LoadOf(instance);
    }

    public int ChooseInstance(in DispatchContext context) => context.NextAvailableInstanceAfter(context.LastChosenInstance);
}
