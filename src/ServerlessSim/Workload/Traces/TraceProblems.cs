using System.Text;
using ServerlessSim.Configuration;

namespace ServerlessSim.Workload.Traces;

/// <summary>Collects the problems found while reading trace files, so that all of them are reported together.</summary>
/// <remarks>
/// Each problem is a <see cref="ValidationError"/> at <c>file:line</c>, e.g.
/// <c>invocations.csv:12: column 483 value '-4' is not a count (an integer of at least 0)</c>. The first
/// <see cref="MaxShown"/> are kept, then one more error says how many were left out, so a badly broken 50,000-row
/// file does not produce 50,000 lines. Not thread-safe.
/// </remarks>
internal sealed class TraceProblems
{
    /// <summary>The most problems listed one by one.</summary>
    public const int MaxShown = 20;

    private const int MaxValueLength = 60;
    private readonly List<ValidationError> _shown = [];
    private string _lastSource = string.Empty;

    /// <summary>How many problems were found, shown or not.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a problem at <paramref name="path"/> (a file, <c>file:line</c>, or an option name).</summary>
    public void Add(string path, string value, string rule) => Add(path, path, value, rule);

    /// <summary>Adds a problem with line <paramref name="line"/> of <paramref name="file"/>.</summary>
    public void AtLine(string file, long line, string value, string rule) => Add(file, $"{file}:{line}", value, rule);

    /// <summary>Adds a problem with one value: <c>file:line: column NAME value 'RAW' RULE</c>.</summary>
    public void BadValue(string file, long line, string column, ReadOnlySpan<byte> raw, string rule) =>
        AtLine(file, line, $"column {column} value '{Show(raw)}'", rule);

    private void Add(string source, string path, string value, string rule)
    {
        Count++;
        _lastSource = source;
        if (_shown.Count < MaxShown)
        {
            _shown.Add(new ValidationError(path, value, rule));
        }
    }

    /// <summary>Whether any function was kept; if not, a problem: the trace is empty, or the selection matched nothing.</summary>
    public bool AnyKept(int kept, int inTrace, string source, string condition = "passes the selection (functionIds, triggers, sample)")
    {
        if (kept > 0)
        {
            return true;
        }

        if (inTrace == 0)
        {
            Add(source, "(no rows)", "has no invocations to replay");
        }
        else
        {
            Add("options", $"{inTrace} function(s) in {source}", $"but none {condition}: nothing to replay");
        }

        return false;
    }

    /// <summary>The text of <paramref name="raw"/> (UTF-8), cut short past 60 characters.</summary>
    public static string Show(ReadOnlySpan<byte> raw)
    {
        var text = Encoding.UTF8.GetString(raw);
        return text.Length > MaxValueLength ? text[..MaxValueLength] + "..." : text;
    }

    /// <summary>Throws if any problem was found.</summary>
    /// <param name="subject">What was read, for the message: e.g. <c>The trace invocations.csv</c>.</param>
    /// <exception cref="ScenarioValidationException">Lists the problems (exit code 2 from the command-line tool).</exception>
    public void ThrowIfAny(string subject)
    {
        if (Count == 0)
        {
            return;
        }

        var errors = new List<ValidationError>(_shown);
        if (Count > MaxShown)
        {
            errors.Add(new ValidationError(_lastSource, $"{Count - MaxShown} more problems", $"are not listed (only the first {MaxShown} are); fix these and read again"));
        }

        throw new ScenarioValidationException(errors, subject);
    }
}
