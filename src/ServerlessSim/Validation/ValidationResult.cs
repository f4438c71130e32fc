namespace ServerlessSim.Validation;

/// <summary>The outcome of one check.</summary>
/// <param name="Oracle">The family of the check.</param>
/// <param name="Name">The case, with its parameters.</param>
/// <param name="Metric">What was measured, with its unit.</param>
/// <param name="Theory">The value theory predicts.</param>
/// <param name="Mean">The simulated mean over replications.</param>
/// <param name="HalfWidth95">The 95% confidence half-width of the mean (Student t over replications).</param>
/// <param name="Tolerance">The allowed |mean - theory|: the 99.9% half-width, or the sample's resolution if larger.</param>
/// <param name="Replications">Replications run.</param>
/// <param name="Requests">Requests simulated per replication (after warm-up), on average.</param>
/// <param name="Passed">Whether |mean - theory| is within the tolerance and the interval is as tight as the case requires.</param>
/// <param name="Reason">Why it failed; empty when it passed.</param>
public sealed record ValidationResult(
    string Oracle,
    string Name,
    string Metric,
    double Theory,
    double Mean,
    double HalfWidth95,
    double Tolerance,
    int Replications,
    double Requests,
    bool Passed,
    string Reason)
{
    /// <summary>mean / theory - 1 (0 when both are 0; infinite when only the theory is 0).</summary>
    public double RelativeError => Theory == 0 ? (Mean == 0 ? 0 : double.PositiveInfinity) : (Mean / Theory) - 1;
}
