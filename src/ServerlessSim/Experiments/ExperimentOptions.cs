using ServerlessSim.Configuration;

namespace ServerlessSim.Experiments;

/// <summary>How an <see cref="Experiment"/> decides how many replications to run and which warm-up to exclude.</summary>
/// <param name="Precision">Run until this precision (the scenario's <see cref="Scenario.Replications"/> is then not used); null for a fixed count, the scenario's.</param>
/// <param name="WarmUp">The scenario's fixed warm-up, or one detected by MSER-5 (then the scenario's warm-up must be 0).</param>
public sealed record ExperimentOptions(PrecisionTarget? Precision = null, WarmUpMethod WarmUp = WarmUpMethod.Fixed)
{
    /// <summary>The scenario's replications and warm-up, as given.</summary>
    public static ExperimentOptions Fixed { get; } = new();

    /// <summary>Every problem with these options for <paramref name="scenario"/>, with the scenario file's paths (<c>experiment.*</c>); empty when valid.</summary>
    public IReadOnlyList<ValidationError> Validate(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var errors = new ValidationErrors();
        if (Precision is { } precision)
        {
            if (string.IsNullOrWhiteSpace(precision.Metric))
            {
                errors.Add("experiment.precision.metric", precision.Metric, "must be a metric name such as \"latencyMs.p99\"");
            }

            if (!(precision.RelativeHalfWidth > 0 && precision.RelativeHalfWidth <= 1))
            {
                errors.Add("experiment.precision.relativeHalfWidth", precision.RelativeHalfWidth, "must be a number greater than 0 and at most 1 (a fraction of the mean, e.g. 0.02 for 2%)");
            }

            if (precision.MinReplications is < 2 or > 10_000)
            {
                errors.Add("experiment.precision.minReplications", precision.MinReplications, "must be an integer from 2 to 10000 (an interval needs two)");
            }
            else if (precision.MaxReplications < precision.MinReplications || precision.MaxReplications > 10_000)
            {
                errors.Add("experiment.precision.maxReplications", precision.MaxReplications, $"must be an integer from minReplications ({precision.MinReplications}) to 10000");
            }

            if (precision.BatchReplications is < 1 or > 10_000)
            {
                errors.Add("experiment.precision.batchReplications", precision.BatchReplications, "must be an integer from 1 to 10000");
            }
        }

        if (WarmUp == WarmUpMethod.Mser5)
        {
            if (scenario.WarmUp.Seconds != 0)
            {
                errors.Add("warmUpSeconds", scenario.WarmUp.Seconds, "must be 0 (or absent) with experiment.warmUp \"mser5\", which detects the warm-up");
            }

            var points = Math.Ceiling(scenario.Horizon.Seconds / scenario.EffectiveTimeSeriesStep.Seconds);
            if (points < Mser5.MinimumPoints)
            {
                errors.AddShown("experiment.warmUp", "\"mser5\"",
                    $"needs at least {Mser5.MinimumPoints} time-series points (4 batches of 5); horizonSeconds / timeSeriesStepSeconds gives {points:0}");
            }
        }

        return errors.All;
    }

    /// <summary>Throws if the options have any problem for <paramref name="scenario"/>.</summary>
    /// <exception cref="ScenarioValidationException">Lists every problem.</exception>
    public void ThrowIfInvalid(Scenario scenario)
    {
        var errors = Validate(scenario);
        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }
    }
}
