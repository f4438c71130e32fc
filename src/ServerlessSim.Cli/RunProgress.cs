using ServerlessSim.Experiments;
using Spectre.Console;

namespace ServerlessSim.Cli;

/// <summary>Runs a comparison with a progress bar and an estimate of the time left on standard error.</summary>
/// <remarks>
/// Progress is counted in finished runs (one policy, one replication): runs are the unit the engine reports, and
/// they run in parallel, so the estimate firms up once the first batch of runs is done.
/// </remarks>
internal static class RunProgress
{
    /// <summary>Whether to show progress: only to a terminal, so that logs and pipes get no control characters.</summary>
    public static bool Shows(TextWriter stderr, bool quiet, OutputFormat format) =>
        !quiet && format != OutputFormat.Json && stderr == Console.Error && !Console.IsErrorRedirected;

    public static ComparisonResult Run(Scenario scenario, ExperimentOptions experiment, int? threads, CancellationToken cancellationToken)
    {
        // Shows has checked that standard error is a terminal; standard output may still be redirected to a file.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
        });
        var runs = scenario.Policies.Count * scenario.Replications;
        return console.Progress()
            .AutoClear(true)
            .Columns(
                new SpinnerColumn(),
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"{scenario.Name}: {runs} runs (policies x replications)", maxValue: runs);
                return Experiment.Run(scenario, experiment, threads, new FinishedRuns(task), cancellationToken);
            });
    }

    // Reported from the worker threads; ProgressTask is thread-safe.
    private sealed class FinishedRuns(ProgressTask task) : IProgress<(int Finished, int Total)>
    {
        public void Report((int Finished, int Total) value)
        {
            // With a precision target more runs may be planned as blocks finish.
            task.MaxValue = Math.Max(task.MaxValue, value.Total);
            task.Value = value.Finished;
        }
    }
}
