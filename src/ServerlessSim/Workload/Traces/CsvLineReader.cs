namespace ServerlessSim.Workload.Traces;

/// <summary>Reads a file's lines as UTF-8 bytes, without decoding them to strings: one growable buffer for the whole file.</summary>
/// <remarks>
/// Lines end at <c>\n</c>; a trailing <c>\r</c> is dropped, and so is a UTF-8 byte-order mark at the start. A line
/// (<see cref="Current"/>) is only valid until the next read. Lines longer than <see cref="MaxLineBytes"/> stop the read (the file is
/// probably not text). Not thread-safe.
/// </remarks>
internal sealed class CsvLineReader(Stream stream) : IDisposable
{
    /// <summary>The longest line accepted, in bytes (16 MiB: a day of minutes is about 10 KB a line).</summary>
    public const int MaxLineBytes = 16 << 20;

    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private int _scanned;
    private bool _endOfFile;
    private int _lineStart;
    private int _lineLength;

    /// <summary>The 1-based number of the line last read.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The line last read, without its line ending.</summary>
    public ReadOnlySpan<byte> Current => _buffer.AsSpan(_lineStart, _lineLength);

    /// <summary>Reads the next line into <see cref="Current"/>; false at the end of the file.</summary>
    /// <exception cref="InvalidDataException">A line longer than <see cref="MaxLineBytes"/>.</exception>
    public bool TryReadLine()
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                Take(_scanned + newline - _start, 1);
                return true;
            }

            _scanned = _end;
            if (_endOfFile)
            {
                // The last line may lack its newline.
                var isLine = _start < _end;
                if (isLine)
                {
                    Take(_end - _start, 0);
                }

                return isLine;
            }

            Refill();
        }
    }

    /// <inheritdoc />
    public void Dispose() => stream.Dispose();

    private void Take(int length, int separatorLength)
    {
        (_lineStart, _lineLength) = (_start, length);
        _start += length + separatorLength;
        _scanned = _start;
        LineNumber++;
        if (_lineLength > 0 && _buffer[_lineStart + _lineLength - 1] == (byte)'\r')
        {
            _lineLength--;
        }

        if (LineNumber == 1 && Current.StartsWith("\uFEFF"u8))
        {
            (_lineStart, _lineLength) = (_lineStart + 3, _lineLength - 3);
        }
    }

    private void Refill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            (_end, _scanned, _start) = (_end - _start, _scanned - _start, 0);
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxLineBytes)
            {
                throw new InvalidDataException($"line {LineNumber + 1} is longer than {MaxLineBytes >> 20} MiB");
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _endOfFile = read == 0;
    }
}
