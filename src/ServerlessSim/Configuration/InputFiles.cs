using System.Text;
using System.Text.Unicode;

namespace ServerlessSim.Configuration;

/// <summary>Reads input files (scenarios, price tables, sweep parts) as strict UTF-8, turning every way a read can fail into a <see cref="ValidationError"/>.</summary>
/// <remarks>
/// A byte that is not UTF-8 is reported as <c>file:line</c> with its position (a decoder would silently turn it into
/// U+FFFD inside a name), a byte-order mark is dropped, and a file larger than <see cref="MaxBytes"/> is refused
/// before it is read into memory: these are small JSON documents, and a trace or a binary given by mistake should
/// get a message, not an out-of-memory crash.
/// </remarks>
internal static class InputFiles
{
    /// <summary>The largest input file read, in bytes (64 MiB).</summary>
    public const int MaxBytes = 64 << 20;

    /// <summary>The text of <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="kind">What the file should be, for the message, e.g. "scenario file".</param>
    /// <exception cref="ScenarioValidationException">The file is missing, a directory, unreadable, too large, not a valid path or not UTF-8.</exception>
    public static string ReadAllText(string path, string kind)
    {
        byte[] bytes;
        try
        {
            if (Directory.Exists(path))
            {
                throw Problem(path, $"is a directory, not a {kind}");
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            bytes = ReadAtMost(stream, MaxBytes + 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Problem(path, Rule(e));
        }

        if (bytes.Length > MaxBytes)
        {
            throw Problem(path, $"is larger than {MaxBytes >> 20} MiB; a {kind} is a small JSON document: is this the right file?");
        }

        return Decode(bytes, path);
    }

    /// <summary><paramref name="bytes"/> as text, without a byte-order mark.</summary>
    /// <exception cref="ScenarioValidationException">A byte is not UTF-8: <c>source:line</c>, <c>byte N (0xFF)</c>, the rule.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string source)
    {
        if (Utf8.IsValid(bytes))
        {
            var text = Encoding.UTF8.GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }

        Utf8.ToUtf16(bytes, new char[bytes.Length], out var valid, out _, replaceInvalidSequences: false);
        var lineStart = bytes[..valid].LastIndexOf((byte)'\n') + 1;
        var line = bytes[..valid].Count((byte)'\n') + 1;
        var utf16 = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
        throw new ScenarioValidationException(
        [
            new ValidationError(
                $"{source}:{line}",
                $"byte {valid - lineStart + 1} (0x{bytes[valid]:X2})",
                "is not UTF-8 text; save the file as UTF-8" + (utf16 ? " (it looks like UTF-16)" : string.Empty)),
        ]);
    }

    private static byte[] ReadAtMost(Stream stream, int limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ScenarioValidationException Problem(string path, string rule) =>
        new([new ValidationError(path, ValidationErrors.Show(path), rule)]);

    private static string Rule(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "file not found",
        UnauthorizedAccessException => "file cannot be read: permission denied",
        ArgumentException or NotSupportedException => "is not a valid file path",
        _ => $"file cannot be read: {e.Message}",
    };
}
