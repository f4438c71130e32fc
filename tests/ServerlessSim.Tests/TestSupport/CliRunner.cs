using ServerlessSim.Cli;

namespace ServerlessSim.Tests.TestSupport;

/// <summary>Runs the serverless-sim command in process, capturing its exit code, standard output and standard error.</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
