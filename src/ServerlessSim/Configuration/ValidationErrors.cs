using System.Globalization;

namespace ServerlessSim.Configuration;

/// <summary>Collects validation errors with their paths; shared by the JSON loader and the scenario validator.</summary>
internal sealed class ValidationErrors
{
    /// <summary>The longest text shown as a value before it is cut short, in characters.</summary>
    public const int MaxShownLength = 60;

    private readonly List<ValidationError> _errors = [];

    public IReadOnlyList<ValidationError> All => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(string path, object? value, string rule) => _errors.Add(new ValidationError(path, Show(value), rule));

    /// <summary>Adds an error whose value is already shown as written (e.g. raw JSON text).</summary>
    public void AddShown(string path, string shownValue, string rule) => _errors.Add(new ValidationError(path, shownValue, rule));

    public void AddRange(IEnumerable<ValidationError> errors) => _errors.AddRange(errors);

    /// <summary>Adds an error unless <paramref name="value"/> is finite and in [min, max] (bounds exclusive where asked).</summary>
    public bool CheckRange(string path, double value, double min, double max, bool minExclusive = false, string? unit = null)
    {
        var ok = !double.IsNaN(value) && !double.IsInfinity(value) &&
                 (minExclusive ? value > min : value >= min) && value <= max;
        if (!ok)
        {
            var lower = minExclusive ? $"greater than {Show(min)}" : $"at least {Show(min)}";
            var suffix = unit is null ? string.Empty : " " + unit;
            Add(path, value, $"must be a finite number {lower} and at most {Show(max)}{suffix}");
        }

        return ok;
    }

    /// <summary><paramref name="text"/> quoted, cut short past <see cref="MaxShownLength"/> characters (for values that may be huge, such as names).</summary>
    public static string ShowShort(string text) => Show(text.Length > MaxShownLength ? text[..MaxShownLength] + "..." : text);

    public static string Show(object? value) => value switch
    {
        null => "(missing)",
        double d when double.IsNaN(d) => "NaN",
        double d when double.IsPositiveInfinity(d) => "Infinity",
        double d when double.IsNegativeInfinity(d) => "-Infinity",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => '"' + s + '"',
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
