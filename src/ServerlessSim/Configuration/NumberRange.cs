namespace ServerlessSim.Configuration;

/// <summary>The numbers a scenario-file field accepts, and the rule that says so in an error.</summary>
/// <remarks>E.g. <c>new NumberRange(0, 1e9, MinExclusive: true, Unit: "seconds")</c> reads "must be a number greater than 0 and at most 1000000000 (seconds)".</remarks>
/// <param name="Min">The lower bound.</param>
/// <param name="Max">The upper bound (+infinity for none; the value must still be finite).</param>
/// <param name="MinExclusive">Whether the lower bound itself is excluded.</param>
/// <param name="Unit">The unit named in the rule, or null.</param>
internal readonly record struct NumberRange(double Min, double Max = double.PositiveInfinity, bool MinExclusive = false, string? Unit = null)
{
    /// <summary>Whether <paramref name="value"/> is finite and inside the range.</summary>
    public bool Contains(double value) =>
        double.IsFinite(value) && (MinExclusive ? value > Min : value >= Min) && value <= Max;

    /// <summary>The rule, e.g. "must be a number from 64 to 32768 (MB)".</summary>
    public string Rule
    {
        get
        {
            var min = ValidationErrors.Show(Min);
            string bounds;
            if (double.IsPositiveInfinity(Max))
            {
                bounds = MinExclusive ? $"greater than {min}" : $"of at least {min}";
            }
            else
            {
                var max = ValidationErrors.Show(Max);
                bounds = MinExclusive ? $"greater than {min} and at most {max}" : $"from {min} to {max}";
            }

            return Unit is null ? $"must be a number {bounds}" : $"must be a number {bounds} ({Unit})";
        }
    }

    /// <summary>The rule for an integer in [<paramref name="min"/>, <paramref name="max"/>], e.g. "must be an integer from 1 to 10000".</summary>
    public static string IntegerRule(long min, long max) =>
        min != long.MinValue && (max == long.MaxValue || max == int.MaxValue)
            ? $"must be an integer of at least {min}"
            : $"must be an integer from {min} to {max}";
}
