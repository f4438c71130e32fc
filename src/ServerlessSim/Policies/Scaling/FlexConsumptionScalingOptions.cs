using ServerlessSim.Engine;
using ServerlessSim.Policies.Waiting;

namespace ServerlessSim.Policies.Scaling;

/// <summary>
/// Azure Functions Flex Consumption: HTTP functions scale on concurrency, one instance per
/// <c>HttpPerInstanceConcurrency</c> requests in flight (16 at 2,048 MB by default), with always-ready instances
/// (default 0) and up to 100 instances by default (1,000 at most).
/// </summary>
/// <remarks>
/// Source: learn.microsoft.com/azure/azure-functions/flex-consumption-plan (instance memory 512 / 2,048 / 4,096 MB,
/// always ready default 0, up to 1,000 instances, default maximum 100) and .../functions-concurrency (HTTP
/// concurrency defaults by instance memory; 1 for Python). Microsoft documents neither the decision interval nor when
/// spare instances go: here a decision every second and spare instances kept while they were wanted in the last
/// 60 s (docs/platforms/azure-flex-consumption.md).
/// </remarks>
public sealed record FlexConsumptionScalingOptions : AutoscalingOptions
{
    /// <summary>Flex Consumption's default maximum instance count.</summary>
    public const int DefaultMaxInstances = 100;

    /// <summary>How long a request may wait for an instance: the HTTP trigger's 230 s limit (the front end's idle timeout).</summary>
    public static readonly SimDuration DefaultHttpTimeout = SimDuration.FromSeconds(230);

    /// <summary>Flex Consumption with the documented defaults (no always-ready instance, at most 100 instances).</summary>
    public FlexConsumptionScalingOptions() => MaxInstances = DefaultMaxInstances;

    /// <summary>How long instances above the need are kept (an assumption: the largest number wanted over the last 60 s).</summary>
    public SimDuration ScaleInDelay { get; init; } = SimDuration.FromSeconds(60);

    /// <inheritdoc />
    public override SimDuration TickInterval { get; init; } = SimDuration.FromSeconds(1);

    /// <inheritdoc />
    public override string Kind => "flexConsumption";

    /// <summary>Requests wait in a front queue, 230 s at most, no capacity limit.</summary>
    public override WaitingOptions DefaultWaiting => WaitingOptions.FrontQueue(DefaultHttpTimeout);

    /// <summary>The default HTTP concurrency per instance for <paramref name="instanceMemoryMb"/> MB: 4 at 512, 16 at 2,048, 32 at 4,096; 1 for Python.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not one of the three instance sizes.</exception>
    public static int DefaultHttpConcurrency(int instanceMemoryMb, bool python = false) => (instanceMemoryMb, python) switch
    {
        (512 or 2048 or 4096, true) => 1,
        (512, false) => 4,
        (2048, false) => 16,
        (4096, false) => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(instanceMemoryMb), instanceMemoryMb, "Flex Consumption instances have 512, 2048 or 4096 MB."),
    };
}
