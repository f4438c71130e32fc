namespace ServerlessSim.Policies.Dispatch;

internal sealed class LeastLoadedDispatch : IDispatchPolicy
{
    public static LeastLoadedDispatch Instance { get; } = new();

    public int ChooseLoad(in DispatchContext context) => context.LowestAvailableLoad;
}
