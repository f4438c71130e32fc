namespace ServerlessSim.Platform;

/// <summary>The AWS account (or project) that all functions share.</summary>
/// <param name="ConcurrencyLimit">
/// The account concurrency limit: 1,000 by default on AWS Lambda (new accounts may get less). What it counts is each
/// policy's <see cref="Policies.LimitScope"/>.
/// </param>
public sealed record AccountOptions(int ConcurrencyLimit = AccountOptions.DefaultConcurrencyLimit)
{
    /// <summary>AWS Lambda's default account concurrency limit (concurrent executions).</summary>
    public const int DefaultConcurrencyLimit = 1000;
}
