namespace ServerlessSim.Platform;

/// <summary>A bucket of at most <c>capacity</c> tokens, full at time 0 and refilled continuously at <c>perSecond</c>.</summary>
/// <remarks>E.g. capacity 1,000 at 100 a second: 1,000 takes at once from rest, then one every 10 ms; unused tokens do not accumulate past the capacity.</remarks>
internal sealed class TokenBucket(double capacity, double perSecond)
{
    private readonly double _capacity = capacity;
    private double _tokens = capacity;
    private double _last;

    /// <summary>Whether a token is there at <paramref name="nowSeconds"/> (times never decrease); nothing is taken.</summary>
    public bool HasToken(double nowSeconds)
    {
        _tokens = Math.Min(_capacity, _tokens + ((nowSeconds - _last) * perSecond));
        _last = nowSeconds;
        return _tokens >= 1;
    }

    /// <summary>Takes the token <see cref="HasToken"/> found.</summary>
    public void Take() => _tokens -= 1;

    /// <summary>Takes a token at <paramref name="nowSeconds"/> if there is one.</summary>
    public bool TryTake(double nowSeconds)
    {
        if (!HasToken(nowSeconds))
        {
            return false;
        }

        Take();
        return true;
    }
}
