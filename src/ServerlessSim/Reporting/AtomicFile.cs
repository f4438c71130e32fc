using System.Globalization;
using System.Text;

namespace ServerlessSim.Reporting;

/// <summary>Writes a file so that a reader (or a crash) never sees half of it: a temporary file in the same directory, flushed, then renamed.</summary>
/// <remarks>
/// The temporary file is <c>.NAME.PID.tmp</c> beside the target, so the rename stays within one file system and is
/// atomic on POSIX file systems and NTFS: the target holds either its old content or the whole new content. An
/// interrupted write (a kill, a full disk, a power cut) leaves at most the hidden temporary file, never a truncated
/// <c>results.json</c>. Thread-safe for distinct targets.
/// </remarks>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> as UTF-8 (without a byte-order mark) to <paramref name="path"/>, atomically.</summary>
    /// <returns><paramref name="path"/>.</returns>
    public static string WriteAllText(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return WriteAllBytes(path, new UTF8Encoding(false).GetBytes(content));
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, atomically; the directory must exist.</summary>
    /// <returns><paramref name="path"/>.</returns>
    /// <exception cref="IOException">The file cannot be written (the temporary file is removed).</exception>
    public static string WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp"));
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw;
        }

        return path;
    }
}
