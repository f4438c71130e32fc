using ServerlessSim.Policies.Batching;

namespace ServerlessSim.Platform.EventSources;

/// <summary>How many batches an SQS event source may process at once, as Lambda's pollers scale with the backlog.</summary>
/// <remarks>
/// The level starts at the initial concurrency (5) and, while messages wait that no poller has taken, rises
/// continuously at the increase rate (300 a minute = one more batch every 0.2 s) up to the maximum (1,250, capped by
/// MaximumConcurrency); with no backlog it falls at the same rate back to the initial concurrency. A throttled
/// invocation lowers it by one. <see cref="Allowed"/> is the level rounded down. E.g. from 5 with a backlog from
/// t = 0: 5 at 0.1 s, 6 at 0.2 s, 65 at 12 s, 305 at 60 s. Rules and sources: <see cref="PollerScalingOptions"/>.
/// </remarks>
internal sealed class PollerScaler
{
    private readonly double _floor;
    private readonly double _cap;
    private readonly double _ratePerSecond;
    private double _level;
    private double _last;

    public PollerScaler(PollerScalingOptions options, int? maximumConcurrency)
    {
        _cap = Math.Min(options.MaxConcurrency, maximumConcurrency ?? int.MaxValue);
        _floor = Math.Min(options.InitialConcurrency, _cap);
        _ratePerSecond = options.IncreasePerMinute / 60;
        _level = _floor;
    }

    /// <summary>Batches that may be in process at once.</summary>
    public int Allowed => (int)Math.Floor(_level + 1e-9);

    /// <summary>Moves the level from the last call to <paramref name="now"/>, up if <paramref name="backlog"/> held over that time, down otherwise.</summary>
    public void Advance(double now, bool backlog)
    {
        var elapsed = now - _last;
        _last = now;
        if (elapsed <= 0)
        {
            return;
        }

        _level = backlog
            ? Math.Min(_cap, _level + (elapsed * _ratePerSecond))
            : Math.Max(_floor, _level - (elapsed * _ratePerSecond));
    }

    /// <summary>A batch was throttled: one fewer batch at once (not below the initial concurrency).</summary>
    public void OnThrottle() => _level = Math.Max(_floor, _level - 1);

    /// <summary>When <see cref="Allowed"/> next rises if the backlog holds (+infinity at the cap).</summary>
    public double NextIncreaseSeconds => _level >= _cap ? double.PositiveInfinity : _last + ((Allowed + 1 - _level) / _ratePerSecond);
}
