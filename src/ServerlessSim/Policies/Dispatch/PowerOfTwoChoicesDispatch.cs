namespace ServerlessSim.Policies.Dispatch;

/// <summary>Power of two choices: the less loaded of two instances drawn at random, without replacement.</summary>
/// <remarks>
/// With n instances a draw costs two random numbers: i in 0..n-1, then j in 0..n-2 shifted past i. E.g. loads
/// (3, 7, 1), draws 1 and 0: instances with loads 7 and 3, so the one with 3. Its maximum load grows as
/// log log n rather than log n / log log n for one random choice (Mitzenmacher, 2001).
/// </remarks>
internal sealed class PowerOfTwoChoicesDispatch : IDispatchPolicy
{
    public static PowerOfTwoChoicesDispatch Instance { get; } = new();

    public int ChooseLoad(in DispatchContext context)
    {
        var instance = ChooseInstance(context);
        return instance < 0 ? -1 : context.LoadOf(instance);
    }

    public int ChooseInstance(in DispatchContext context)
    {
        var n = context.AvailableInstanceCount;
        if (n <= 1)
        {
            return n == 0 ? -1 : context.AvailableInstanceAt(0);
        }

        var i = context.NextRandom(n);
        var j = context.NextRandom(n - 1);
        j += j >= i ? 1 : 0;
        var first = context.AvailableInstanceAt(i);
        var second = context.AvailableInstanceAt(j);
        return context.LoadOf(second) < context.LoadOf(first) ? second : first;
    }
}
