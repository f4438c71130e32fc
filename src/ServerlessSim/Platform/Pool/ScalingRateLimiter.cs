using ServerlessSim.Policies.Scaling;

namespace ServerlessSim.Platform.Pool;

/// <summary>Whether a function may add an environment now, under its scaling rate (<see cref="ScalingRateOptions"/>).</summary>
internal abstract class ScalingRateLimiter
{
    /// <summary>A limiter for <paramref name="options"/>, or null for none.</summary>
    public static ScalingRateLimiter? Create(ScalingRateOptions? options) => options switch
    {
        null => null,
        TokenBucketScalingRate bucket => new TokenBucketLimiter(bucket.Environments, bucket.PerSecond),
        LegacyBurstScalingRate legacy => new LegacyBurstLimiter(legacy.InitialBurst, legacy.IncreasePerMinute / 60.0),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options, "Unknown scaling rate."),
    };

    /// <summary>Takes the right to start one environment at <paramref name="nowSeconds"/>, for a function with <paramref name="activeEnvironments"/>; false if the rate forbids it.</summary>
    public abstract bool TryStart(double nowSeconds, int activeEnvironments);
}

/// <summary>A bucket of <c>capacity</c> tokens refilled continuously at <c>perSecond</c>; a start takes one.</summary>
/// <remarks>E.g. 1,000 per 10 s: 1,000 at once from rest, then one every 10 ms (100 a second).</remarks>
internal sealed class TokenBucketLimiter(int capacity, double perSecond) : ScalingRateLimiter
{
    private readonly TokenBucket _bucket = new(capacity, perSecond);

    public override bool TryStart(double nowSeconds, int activeEnvironments) => _bucket.TryTake(nowSeconds);
}

/// <summary>A ceiling on active environments: the burst, growing at <c>perSecond</c> from when the function first reached it.</summary>
/// <remarks>E.g. burst 500, +500 a minute: at 90 s past reaching 500 the ceiling is 500 + 1.5 x 500 = 1,250.</remarks>
internal sealed class LegacyBurstLimiter(int burst, double perSecond) : ScalingRateLimiter
{
    private double _rampStart = double.NaN;

    public override bool TryStart(double nowSeconds, int activeEnvironments)
    {
        if (activeEnvironments < burst)
        {
            _rampStart = double.NaN;
            return true;
        }

        if (double.IsNaN(_rampStart))
        {
            _rampStart = nowSeconds;
        }

        return activeEnvironments < burst + ((nowSeconds - _rampStart) * perSecond);
    }
}
