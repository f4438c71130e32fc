namespace ServerlessSim.Policies;

/// <summary>What the account concurrency limit counts.</summary>
public enum LimitScope
{
    /// <summary>In-flight requests, Lambda's rule: with one request per instance it equals busy instances.</summary>
    InFlightRequests,

    /// <summary>Instances that are busy or initialising: the team's hypothesis that many requests per instance relieve the limit.</summary>
    Instances,
}
