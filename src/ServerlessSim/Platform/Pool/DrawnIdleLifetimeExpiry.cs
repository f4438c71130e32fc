using ServerlessSim.Randomness;

namespace ServerlessSim.Platform.Pool;

/// <summary>Each idle period lasts a draw of a distribution (a measured platform's idle-lifetime CDF) before the instance is reclaimed.</summary>
internal sealed class DrawnIdleLifetimeExpiry(InstanceLifecycle lifecycle, IDistribution idleLifetime, RandomStream random, int function)
    : DeadlineExpiry(lifecycle, function)
{
    protected override double Deadline(double now) => now + idleLifetime.Sample(random);
}
