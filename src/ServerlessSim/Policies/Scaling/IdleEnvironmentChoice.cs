namespace ServerlessSim.Policies.Scaling;

/// <summary>Which idle environment takes a request when several are idle (Lambda does not document its rule).</summary>
/// <remarks>
/// The choice decides which environments stay busy and which age out: most recently used concentrates traffic on a
/// warm core and lets the rest expire, so the fewest environments stay alive and a burst after a lull finds fewer
/// warm ones; least recently used spreads traffic over all of them, keeping every one alive (more idle environments,
/// fewer cold starts after a lull); random sits between. The published simulator that matches AWS measurements
/// routes to the most recently used.
/// </remarks>
public enum IdleEnvironmentChoice
{
    /// <summary>The environment that went idle last (the default).</summary>
    MostRecentlyUsed,

    /// <summary>The environment that has been idle longest.</summary>
    LeastRecentlyUsed,

    /// <summary>Any idle environment, each equally likely.</summary>
    Random,
}
