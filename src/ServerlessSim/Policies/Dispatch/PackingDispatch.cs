namespace ServerlessSim.Policies.Dispatch;

internal sealed class PackingDispatch : IDispatchPolicy
{
    public static PackingDispatch Instance { get; } = new();

    // The highest load is 0 only when every available instance is idle, so idle instances come last.
    public int ChooseLoad(in DispatchContext context) => context.HighestAvailableLoad;
}
