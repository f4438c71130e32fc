using ServerlessSim.Randomness;

namespace ServerlessSim.Workload;

/// <summary>Draws the arrivals of a <see cref="BinnedCountArrivals"/>, bin by bin, in order and without allocating.</summary>
/// <remarks>
/// Uniform spreading draws the bin's sorted uniform times one at a time: the smallest of r uniforms on [t, end)
/// is t + (end - t)(1 - U^(1/r)), and the rest are uniform on what remains. E.g. 3 arrivals in [0, 60): the first
/// at 60 (1 - U^(1/3)), the next the smaller of 2 uniforms after it, and so on. So each bin gets exactly its count.
/// </remarks>
internal sealed class BinnedCountStream(int[] counts, double binSeconds, WithinBinSpread spread, RandomStream random) : IArrivalStream
{
    private int _bin = -1;
    private int _inBin;
    private int _placed;
    private double _binStart;
    private double _binEnd;
    private double _time;

    public double Next()
    {
        while (_placed == _inBin)
        {
            if (++_bin >= counts.Length)
            {
                _bin = counts.Length;
                return double.PositiveInfinity;
            }

            _inBin = spread == WithinBinSpread.Poisson ? PoissonCount(counts[_bin]) : counts[_bin];
            _placed = 0;
            _binStart = _bin * binSeconds;
            _binEnd = (_bin + 1) * binSeconds;
            _time = _binStart;
        }

        if (spread == WithinBinSpread.EvenlySpaced)
        {
            _time = _binStart + ((_placed + 0.5) * binSeconds / _inBin);
        }
        else
        {
            var remaining = _inBin - _placed;
            var next = _time + ((_binEnd - _time) * (1 - Math.Pow(random.NextOpenDouble(), 1.0 / remaining)));

            // Rounding must not push an arrival into the next bin: binning again has to give back the count.
            _time = next < _binEnd ? next : Math.BitDecrement(_binEnd);
        }

        _placed++;
        return _time;
    }

    private int PoissonCount(int count) => count == 0 ? 0 : MathNet.Numerics.Distributions.Poisson.Sample(random, count);
}
