namespace ServerlessSim.Cost;

/// <summary>
/// Capacity kept warm by configuration, whether or not traffic uses it: AWS Lambda provisioned concurrency, Cloud Run
/// minimum instances, Azure Flex Consumption always-ready instances.
/// </summary>
/// <remarks>
/// Each billing model prices it its own way: Lambda bills the configured environments in 5-minute steps plus the
/// requests they serve at a lower duration rate; Cloud Run bills the idle time of minimum instances at its idle rate;
/// Azure bills a baseline for every always-ready instance plus their execution time at a lower rate. Instances
/// kept warm are not in <see cref="Usage"/>'s on-demand fields.
/// </remarks>
/// <param name="Periods">Each stretch of constant configuration: how many instances were kept warm and for how long.</param>
/// <param name="Executions">Each request served by a warm instance, start to completion.</param>
/// <param name="ActivePeriods">Each stretch in which a warm instance served at least one request (concurrent requests share it).</param>
public sealed record ProvisionedUsage(IReadOnlyList<ProvisionedPeriod> Periods, MeteredTime Executions, MeteredTime ActivePeriods)
{
    /// <summary>Instance-seconds kept warm: the sum of instances x seconds over <see cref="Periods"/>, unrounded.</summary>
    public double InstanceSeconds => Periods.Sum(p => p.Instances * p.Seconds);
}

/// <summary>A stretch of constant warm-capacity configuration.</summary>
/// <param name="Instances">Instances (Lambda: provisioned concurrency) kept warm.</param>
/// <param name="Seconds">How long, in seconds, from enabling to disabling or changing the configuration.</param>
public sealed record ProvisionedPeriod(int Instances, double Seconds);
