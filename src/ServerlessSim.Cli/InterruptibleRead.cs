namespace ServerlessSim.Cli;

/// <summary>
/// Reads a command's input so that Ctrl+C (or SIGTERM) stops the command at once: a production trace can take many
/// seconds to read and its readers do not look at the signal, so the read is abandoned instead (the process exits;
/// nothing has been run or written yet).
/// </summary>
internal static class InterruptibleRead
{
    /// <summary>What <paramref name="read"/> returns or throws (validation errors unchanged, not wrapped).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the read ended.</exception>
    public static T? Run<T>(Func<T?> read, CancellationToken cancellationToken)
        where T : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.Run(read, CancellationToken.None).WaitAsync(cancellationToken).GetAwaiter().GetResult();
    }
}
