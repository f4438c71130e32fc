using ServerlessSim.Configuration;

namespace ServerlessSim.Cli;

/// <summary>Collects the problems of every input of a command (files, options, --out) so that all are reported at once.</summary>
internal sealed class InputErrors
{
    private readonly List<ValidationError> _errors = [];

    /// <summary>The value <paramref name="read"/> gives, or null (and its problems kept) if it throws a validation error.</summary>
    public T? Collect<T>(Func<T?> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (ScenarioValidationException e)
        {
            _errors.AddRange(e.Errors);
            return null;
        }
    }

    /// <summary>Keeps <paramref name="errors"/>.</summary>
    public void Add(IEnumerable<ValidationError> errors) => _errors.AddRange(errors);

    /// <summary>Whether any problem was kept.</summary>
    public bool Any => _errors.Count > 0;

    /// <summary>Throws every problem kept, if any (exit code 2).</summary>
    /// <exception cref="ScenarioValidationException">At least one problem was kept.</exception>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new ScenarioValidationException(_errors);
        }
    }
}
