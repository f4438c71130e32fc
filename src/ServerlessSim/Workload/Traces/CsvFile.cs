using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace ServerlessSim.Workload.Traces;

/// <summary>A CSV file with a header, read row by row as UTF-8 bytes: fields are ranges of the line, parsed in place.</summary>
/// <remarks>
/// Fields are separated by commas; a field may be quoted (<c>"a,b"</c>, with <c>""</c> for a quote) but may not
/// span lines. Blank lines are skipped. A row whose bytes are not UTF-8, whose quotes are unbalanced or whose
/// number of fields differs from the header's is reported to <see cref="TraceProblems"/> and skipped, so reading
/// goes on and every problem of the file is found. No allocation per row or field unless text is asked for.
/// Not thread-safe.
/// </remarks>
internal sealed class CsvFile : IDisposable
{
    /// <summary>The largest time accepted (in magnitude), in seconds: 1e11 s, over 3,000 years.</summary>
    public const double MaxTimeSeconds = 1e11;

    /// <summary>The longest id (function, app, owner) accepted, in bytes; the Azure traces' hashes have 64.</summary>
    public const int MaxIdBytes = 256;

    private readonly CsvLineReader _lines;
    private readonly TraceProblems _problems;
    private Range[] _fields = new Range[64];
    private string[] _columns = [];

    private CsvFile(string name, Stream stream, TraceProblems problems)
    {
        Name = name;
        _lines = new CsvLineReader(stream);
        _problems = problems;
    }

    /// <summary>The file's path as given, used in every problem (<c>Name:line</c>).</summary>
    public string Name { get; }

    /// <summary>The column names of the header.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>The 1-based number of the current line.</summary>
    public long Line => _lines.LineNumber;

    /// <summary>Opens <paramref name="path"/> and reads its header; null (and a problem) if it cannot be read, is empty, or its header is malformed.</summary>
    public static CsvFile? Open(string path, TraceProblems problems, string expectedHeader)
    {
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add(path, $"\"{path}\"", e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "file not found",
                UnauthorizedAccessException when Directory.Exists(path) => "is a directory, not a CSV file",
                UnauthorizedAccessException => "file cannot be read: permission denied",
                ArgumentException or NotSupportedException => "is not a valid file path",
                _ => $"file cannot be read: {e.Message}",
            });
            return null;
        }

        var file = new CsvFile(path, stream, problems);
        if (!file._lines.TryReadLine())
        {
            problems.AtLine(path, 1, "(empty file)", $"has no header; expected {expectedHeader}");
        }
        else if (file.CurrentIsUtf8() && file.Split() is var count and > 0)
        {
            file._columns = new string[count];
            for (var i = 0; i < count; i++)
            {
                file._columns[i] = file.Text(i).Trim();
            }

            return file;
        }

        file.Dispose();
        return null;
    }

    /// <summary>The index of <paramref name="column"/>, or -1 (and a problem at line 1) if the header lacks it.</summary>
    public int Require(string column, string expectedHeader)
    {
        var index = Array.IndexOf(_columns, column);
        if (index < 0)
        {
            _problems.AtLine(Name, 1, Shorten(string.Join(",", _columns)), $"has no column \"{column}\"; expected {expectedHeader}");
        }

        return index;
    }

    /// <summary>Moves to the next well-formed row; false at the end of the file. Malformed rows are reported and skipped.</summary>
    public bool NextRow()
    {
        try
        {
            while (_lines.TryReadLine())
            {
                if (_lines.Current.IsEmpty || !CurrentIsUtf8())
                {
                    continue;
                }

                var count = Split();
                if (count < 0)
                {
                    continue;
                }

                if (count != _columns.Length)
                {
                    _problems.AtLine(Name, Line, $"{count} fields", $"do not match the header's {_columns.Length} columns ({Shorten(string.Join(",", _columns))})");
                    continue;
                }

                return true;
            }
        }
        catch (InvalidDataException e)
        {
            _problems.AtLine(Name, Line + 1, "(line)", $"cannot be read: {e.Message}; is this a CSV file?");
        }

        return false;
    }

    /// <summary>The bytes of field <paramref name="index"/> of the current row, without enclosing quotes.</summary>
    public ReadOnlySpan<byte> Field(int index)
    {
        var field = _lines.Current[_fields[index]];
        return field.Length >= 2 && field[0] == (byte)'"' ? field[1..^1] : field;
    }

    /// <summary>Field <paramref name="index"/> as text (quotes removed, <c>""</c> unescaped).</summary>
    public string Text(int index) => Encoding.UTF8.GetString(Field(index)).Replace("\"\"", "\"", StringComparison.Ordinal);

    /// <summary>Field <paramref name="index"/> as a finite number from <paramref name="min"/> to <paramref name="max"/>, or a problem naming <paramref name="rule"/>.</summary>
    public bool TryNumber(int index, string rule, out double value, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        if (double.TryParse(Field(index), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value >= min && value <= max)
        {
            return true;
        }

        Bad(index, rule);
        return false;
    }

    /// <summary>Field <paramref name="index"/> as a time in seconds, within <see cref="MaxTimeSeconds"/> of 0, or a problem.</summary>
    /// <remarks>
    /// Any origin is allowed (Unix time is 1.7e9 s today), but not 1e11 s and more, over 3,000 years: such a number
    /// is a time in milliseconds or nanoseconds, which would otherwise replay as years of nearly idle traffic.
    /// </remarks>
    public bool TryTime(int index, out double seconds)
    {
        if (!TryNumber(index, "is not a time in seconds (a number)", out seconds))
        {
            return false;
        }

        if (Math.Abs(seconds) < MaxTimeSeconds)
        {
            return true;
        }

        Bad(index, "is 1e11 s or more (over 3,000 years): are the times in milliseconds or nanoseconds? give seconds");
        return false;
    }

    /// <summary>Field <paramref name="index"/> as a duration in <paramref name="unit"/> (s or ms) from 0 to the longest a request may take, or a problem.</summary>
    public bool TryDuration(int index, string unit, out double value)
    {
        var max = Configuration.ScenarioValidator.MaxMeanDurationSeconds * (unit == "ms" ? 1000 : 1);
        return TryNumber(index, $"is not a duration in {(unit == "s" ? "seconds" : unit)} (a number from 0 to {Configuration.ValidationErrors.Show(max)})", out value, min: 0, max);
    }

    /// <summary>Field <paramref name="index"/> as an integer count of at least 0, or a problem.</summary>
    public bool TryCount(int index, out int value)
    {
        var field = Field(index);
        if (TryDigits(field, out value) || (int.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= 0))
        {
            return true;
        }

        Bad(index, "is not a count (an integer from 0 to 2147483647)");
        return false;
    }

    /// <summary>Whether field <paramref name="index"/> is an id: not empty (else a problem naming <paramref name="emptyRule"/>) and at most <see cref="MaxIdBytes"/> long.</summary>
    public bool IsId(int index, string emptyRule)
    {
        var field = Field(index);
        if (field.IsEmpty)
        {
            Bad(index, emptyRule);
            return false;
        }

        if (field.Length > MaxIdBytes)
        {
            Bad(index, $"is {field.Length} bytes long; an id is a name of at most {MaxIdBytes} bytes");
            return false;
        }

        return true;
    }

    /// <summary>Reports field <paramref name="index"/> of the current row as breaking <paramref name="rule"/>.</summary>
    public void Bad(int index, string rule) => _problems.BadValue(Name, Line, _columns.Length > index ? _columns[index] : (index + 1).ToString(CultureInfo.InvariantCulture), Field(index), rule);

    /// <summary>Reports a problem with the current row as a whole.</summary>
    public void BadRow(string value, string rule) => _problems.AtLine(Name, Line, value, rule);

    /// <inheritdoc />
    public void Dispose() => _lines.Dispose();

    // The fast path for counts, which are most of a day's cells: 1 to 9 ASCII digits (so no overflow).
    private static bool TryDigits(ReadOnlySpan<byte> field, out int value)
    {
        value = 0;
        if (field.IsEmpty || field.Length > 9)
        {
            return false;
        }

        foreach (var b in field)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "..." : text;

    // Whether the current line is UTF-8; if not, a problem naming the first bad byte. Checking is allocation-free.
    private bool CurrentIsUtf8()
    {
        var line = _lines.Current;
        if (Utf8.IsValid(line))
        {
            return true;
        }

        Utf8.ToUtf16(line, new char[line.Length], out var valid, out _, replaceInvalidSequences: false);
        _problems.AtLine(Name, Line, $"byte {valid + 1} (0x{line[valid]:X2})", "is not UTF-8 text; save the file as UTF-8");
        return false;
    }

    // Splits the current line into _fields at commas outside quotes; the count, or -1 (and a problem) for bad quoting.
    private int Split()
    {
        var line = _lines.Current;
        var count = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            if (i < line.Length && line[i] == (byte)'"')
            {
                i = ClosingQuote(line, i + 1);
                if (i < 0 || (i < line.Length && line[i] != (byte)','))
                {
                    _problems.AtLine(Name, Line, $"field {count + 1}", "has unbalanced quotes: a quoted field must end with a quote before the next comma");
                    return -1;
                }
            }
            else
            {
                var comma = line[i..].IndexOf((byte)',');
                i = comma < 0 ? line.Length : i + comma;
            }

            if (count == _fields.Length)
            {
                Array.Resize(ref _fields, count * 2);
            }

            _fields[count++] = start..i;
            if (i >= line.Length)
            {
                return count;
            }

            i++;
        }
    }

    // The index just past the quote that closes a field whose content starts at i ("" is an escaped quote), or -1.
    private static int ClosingQuote(ReadOnlySpan<byte> line, int i)
    {
        while (true)
        {
            var quote = line[i..].IndexOf((byte)'"');
            if (quote < 0)
            {
                return -1;
            }

            i += quote + 1;
            if (i < line.Length && line[i] == (byte)'"')
            {
                i++;
                continue;
            }

            return i;
        }
    }
}
