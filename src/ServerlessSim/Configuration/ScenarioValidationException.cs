namespace ServerlessSim.Configuration;

/// <summary>An input is invalid; <see cref="Errors"/> lists every problem found, not only the first.</summary>
public sealed class ScenarioValidationException : Exception
{
    /// <summary>An exception listing <paramref name="errors"/> (at least one).</summary>
    public ScenarioValidationException(IReadOnlyList<ValidationError> errors)
        : base(Format(errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string Format(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var noun = errors.Count == 1 ? "problem" : "problems";
        return $"The scenario has {errors.Count} {noun}:{Environment.NewLine}" +
               string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
