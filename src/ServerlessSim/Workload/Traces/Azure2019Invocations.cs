using System.Globalization;

namespace ServerlessSim.Workload.Traces;

/// <summary>Streams the Azure 2019 invocations file one function at a time: its ids, trigger and per-minute counts in one reused buffer.</summary>
/// <remarks>
/// The header is HashOwner, HashApp, HashFunction, Trigger, then one column per minute, named by consecutive minute
/// numbers (1..1440 for a whole day; invitro's 500-function sample has 480..959). Counts are parsed in place from
/// the line's bytes, so a 50,000 x 1,440 day costs one 5.6 KB buffer while reading, not an object per cell.
/// Not thread-safe.
/// </remarks>
internal sealed class Azure2019Invocations : IDisposable
{
    /// <summary>The header the file should have.</summary>
    public const string Header = "HashOwner,HashApp,HashFunction,Trigger,1,2,...,1440 (one column per minute)";

    private readonly CsvFile _file;
    private readonly Azure2019Keys _keys;
    private readonly int _trigger;
    private readonly int[] _minuteColumns;
    private readonly int[] _counts;
    private readonly Dictionary<FunctionKey, long> _firstLine = [];

    private Azure2019Invocations(CsvFile file, Azure2019Keys keys, int trigger, int[] minuteColumns, int firstMinute)
    {
        (_file, _keys, _trigger, _minuteColumns, FirstMinute) = (file, keys, trigger, minuteColumns, firstMinute);
        _counts = new int[minuteColumns.Length];
    }

    /// <summary>The number of the first minute column (1 for a whole day).</summary>
    public int FirstMinute { get; }

    /// <summary>How many minute columns the file has.</summary>
    public int Minutes => _minuteColumns.Length;

    /// <summary>How many well-formed function rows have been read.</summary>
    public int Functions { get; private set; }

    /// <summary>The current function's ids.</summary>
    public FunctionKey Key { get; private set; }

    /// <summary>The current function's trigger.</summary>
    public string Trigger { get; private set; } = string.Empty;

    /// <summary>The current function's invocations in each minute; valid until the next row.</summary>
    public ReadOnlySpan<int> Counts => _counts;

    /// <summary>The current function's invocations over all minutes.</summary>
    public long Total { get; private set; }

    /// <summary>Opens <paramref name="path"/> and checks its header; null (and problems) if it cannot be read.</summary>
    public static Azure2019Invocations? Open(string path, TraceProblems problems)
    {
        var file = CsvFile.Open(path, problems, Header);
        if (file is null)
        {
            return null;
        }

        var keys = Azure2019Keys.Columns(file, Header);
        var trigger = file.Require("Trigger", Header);
        var minuteColumns = Enumerable.Range(0, file.Columns.Count).Where(c => !Azure2019Keys.IsIdColumn(file.Columns[c]) && file.Columns[c] != "Trigger").ToArray();
        var firstMinute = MinuteNumbers(file, minuteColumns, problems);
        if (keys is null || trigger < 0 || firstMinute is null)
        {
            file.Dispose();
            return null;
        }

        return new Azure2019Invocations(file, keys, trigger, minuteColumns, firstMinute.Value);
    }

    /// <summary>Moves to the next well-formed function row; false at the end. Malformed rows are reported and skipped.</summary>
    public bool Next()
    {
        while (_file.NextRow())
        {
            var key = _keys.Read(_file);
            var total = 0L;
            var valid = key is not null;
            for (var m = 0; m < _minuteColumns.Length; m++)
            {
                if (_file.TryCount(_minuteColumns[m], out _counts[m]))
                {
                    total += _counts[m];
                }
                else
                {
                    valid = false;
                }
            }

            if (_file.Field(_trigger).IsEmpty)
            {
                _file.Bad(_trigger, "is empty; expected http, timer, event, queue, storage, orchestration or others");
                valid = false;
            }

            if (!valid || !Azure2019Keys.IsFirst(_file, key!.Value, _firstLine))
            {
                continue;
            }

            (Key, Trigger, Total) = (key.Value, _file.Text(_trigger), total);
            Functions++;
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    // The minute columns must be named by consecutive integers; the first one's number, or null (and a problem).
    private static int? MinuteNumbers(CsvFile file, int[] columns, TraceProblems problems)
    {
        int? first = null;
        for (var i = 0; i < columns.Length; i++)
        {
            var name = file.Columns[columns[i]];
            if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var minute) || (first is { } f && minute != f + i))
            {
                var expected = first is { } start ? (start + i).ToString(CultureInfo.InvariantCulture) : "a minute number";
                problems.AtLine(file.Name, 1, $"column {columns[i] + 1} \"{name}\"", $"is not {expected}; minute columns must be numbered consecutively");
                return null;
            }

            first ??= minute;
        }

        if (first is null)
        {
            problems.AtLine(file.Name, 1, string.Join(",", file.Columns), $"has no minute columns; expected {Header}");
        }

        return first;
    }
}
