namespace ServerlessSim.Cli;

/// <summary>The process exit codes, a contract for scripts (docs/cli.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int UnexpectedFailure = 1;
    public const int InvalidInput = 2;
    public const int Cancelled = 130;
}
