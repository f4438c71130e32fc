namespace ServerlessSim.Metrics;

/// <summary>The integral and maximum of a piecewise-constant value over a window [start, end).</summary>
/// <remarks>Told the value held since its previous call at each event, so it costs two multiplications an event.</remarks>
internal struct TimeWeightedArea
{
    public double Area;
    public double Max;

    public void Add(double fromSeconds, double toSeconds, double value)
    {
        if (toSeconds > fromSeconds)
        {
            Area += (toSeconds - fromSeconds) * value;
            if (value > Max)
            {
                Max = value;
            }
        }
    }
}
