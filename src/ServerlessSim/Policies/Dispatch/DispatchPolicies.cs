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
        DispatchKind.Custom => options.Policy ?? throw new ArgumentException("DispatchKind.Custom needs a policy: use DispatchOptions.Custom(policy).", nameof(options)),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Unknown dispatch kind."),
    };
}
