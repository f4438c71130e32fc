namespace ServerlessSim.Plotting;

/// <summary>One curve of a sweep chart: a metric measured at several values of a parameter.</summary>
/// <param name="Name">The legend text (e.g. the policy's name).</param>
/// <param name="Points">The measurements, in the order to connect them (usually ascending parameter).</param>
public sealed record SweepSeries(string Name, IReadOnlyList<SweepPoint> Points);

/// <summary>A metric at one value of the swept parameter.</summary>
/// <param name="X">The parameter's value, in the parameter's unit.</param>
/// <param name="Mean">The metric's mean over replications, in the metric's unit.</param>
/// <param name="HalfWidth95">The 95% confidence half-width of <paramref name="Mean"/>, drawn as an error bar; null for none.</param>
public sealed record SweepPoint(double X, double Mean, double? HalfWidth95 = null);
