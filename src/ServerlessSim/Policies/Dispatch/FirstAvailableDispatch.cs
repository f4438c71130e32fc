namespace ServerlessSim.Policies.Dispatch;

/// <summary>First available: the lowest-numbered instance with a free slot, so requests fill instances in a fixed order.</summary>
/// <remarks>
/// Like packing it leaves the highest-numbered instances idle to be scaled down, but it fills the first instance to
/// K before touching the second. E.g. K = 2, instances 0 and 1 both free: requests go to 0, 0, 1, 1.
/// </remarks>
internal sealed class FirstAvailableDispatch : IDispatchPolicy
{
    public static FirstAvailableDispatch Instance { get; } = new();

    public int ChooseLoad(in DispatchContext context)
    {
        var instance = ChooseInstance(context);
        return instance < 0 ? -1 : context.LoadOf(instance);
    }

    public int ChooseInstance(in DispatchContext context) => context.FirstAvailableInstance;
}
