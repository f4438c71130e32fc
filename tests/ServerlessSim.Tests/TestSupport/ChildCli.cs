using System.Diagnostics;
using System.Text;

namespace ServerlessSim.Tests.TestSupport;

/// <summary>The built serverless-sim command in a child process, to which a test can send real signals with kill.</summary>
internal sealed class ChildCli : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly SemaphoreSlim _stderrLine = new(0);

    private ChildCli(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) =>
        {
            Append(_stderr, e.Data);
            _stderrLine.Release();
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Out
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Err
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet serverless-sim.dll ARGS</c> (the CLI the test project references, copied beside the tests).</summary>
    public static ChildCli Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "serverless-sim.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new ChildCli(Process.Start(start)!);
    }

    /// <summary>Waits until standard error holds <paramref name="text"/> (the command has started its runs); false on a timeout or an early exit.</summary>
    public async Task<bool> WaitForErrorLine(string text, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!Err.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                return false;
            }

            try
            {
                await _stderrLine.WaitAsync(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Sends <paramref name="signal"/> (INT, TERM) with the kill command, as a shell or an orchestrator would.</summary>
    public void Send(string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>The exit code, after waiting up to <paramref name="timeout"/>; the process is killed (and null returned) if it does not exit.</summary>
    public async Task<int?> Exit(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            return null;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        _stderrLine.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.AppendLine(line);
            }
        }
    }
}
