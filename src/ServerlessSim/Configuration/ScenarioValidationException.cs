namespace ServerlessSim.Configuration;

/// <summary>An input (a scenario, or a trace file) is invalid; <see cref="Errors"/> lists every problem found, not only the first.</summary>
/// <remarks>The command-line tool reports it with exit code 2, one error a line.</remarks>
public sealed class ScenarioValidationException : Exception
{
    /// <summary>An exception listing <paramref name="errors"/> (at least one) of a scenario.</summary>
    public ScenarioValidationException(IReadOnlyList<ValidationError> errors)
        : this(errors, "The scenario")
    {
    }

    /// <summary>An exception listing <paramref name="errors"/> (at least one) of <paramref name="subject"/>, e.g. <c>The trace invocations.csv</c>.</summary>
    public ScenarioValidationException(IReadOnlyList<ValidationError> errors, string subject)
        : base(Format(errors, subject))
    {
        Errors = errors;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string Format(IReadOnlyList<ValidationError> errors, string subject)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var noun = errors.Count == 1 ? "problem" : "problems";
        return $"{subject} has {errors.Count} {noun}:{Environment.NewLine}" +
               string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
