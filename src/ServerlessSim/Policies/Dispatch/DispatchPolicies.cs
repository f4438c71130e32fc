namespace ServerlessSim.Policies.Dispatch;

/// <summary>Creates dispatch policies from their options.</summary>
public static class DispatchPolicies
{
    /// <summary>The policy for <paramref name="options"/>.</summary>
    public static IDispatchPolicy Create(DispatchOptions options) => options.Kind switch
    {
        DispatchKind.LeastLoaded => LeastLoadedDispatch.Instance,
        DispatchKind.Packing => PackingDispatch.Instance,
        DispatchKind.PowerOfTwoChoices => PowerOfTwoChoicesDispatch.Instance,
        DispatchKind.FirstAvailable => FirstAvailableDispatch.Instance,
        DispatchKind.RoundRobin => RoundRobinDispatch.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Unknown dispatch kind."),
    };
}
