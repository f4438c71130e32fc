namespace ServerlessSim.Configuration;

/// <summary>Reads input files (scenarios, price tables), turning every way a read can fail into a <see cref="ValidationError"/>.</summary>
internal static class InputFiles
{
    /// <summary>The text of <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="kind">What the file should be, for the message, e.g. "scenario file".</param>
    /// <exception cref="ScenarioValidationException">The file is missing, a directory, unreadable or not a valid path.</exception>
    public static string ReadAllText(string path, string kind)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScenarioValidationException([new ValidationError(path, ValidationErrors.Show(path), Rule(path, kind, e))]);
        }
    }

    private static string Rule(string path, string kind, Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "file not found",
        UnauthorizedAccessException when Directory.Exists(path) => $"is a directory, not a {kind}",
        UnauthorizedAccessException => "file cannot be read: permission denied",
        ArgumentException or NotSupportedException => "is not a valid file path",
        _ => $"file cannot be read: {e.Message}",
    };
}
