namespace ServerlessSim.Configuration;

/// <summary>The allowed values of the platform parts of a policy (scaling, waiting, contention), shared by the file reader and the validator.</summary>
internal static class PlatformRules
{
    /// <summary>The longest averaging window or delay accepted, in seconds (an hour; windows are kept in one-second buckets).</summary>
    public const double MaxWindowSeconds = 3600;

    /// <summary>The most instances a minimum, maximum or initial scale may name.</summary>
    public const int MaxInstances = 1_000_000;

    public static readonly NumberRange Positive = new(0, 1e9, MinExclusive: true);
    public static readonly NumberRange Utilization = new(0, 1, MinExclusive: true);
    public static readonly NumberRange Percentage = new(0, 100, MinExclusive: true, Unit: "%");
    public static readonly NumberRange Threshold = new(100, 1e6, Unit: "%");
    public static readonly NumberRange Rate = new(1, 1e6, MinExclusive: true);
    public static readonly NumberRange Window = new(0, MaxWindowSeconds, MinExclusive: true, Unit: "seconds");
    public static readonly NumberRange Delay = new(0, 86_400, Unit: "seconds");
    public static readonly NumberRange Tick = new(0, MaxWindowSeconds, MinExclusive: true, Unit: "seconds");
    public static readonly NumberRange Timeout = new(0, 1e9, MinExclusive: true, Unit: "seconds");
    public static readonly NumberRange Alpha = new(0, 100, Unit: "per extra request");
    public static readonly NumberRange Megabytes = new(0, 1e7, Unit: "MB");
}
