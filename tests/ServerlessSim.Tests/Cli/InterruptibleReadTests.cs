using ServerlessSim.Cli;
using ServerlessSim.Configuration;

namespace ServerlessSim.Tests.Cli;

/// <summary>A command's input read so that a signal stops the command even while a long read is under way.</summary>
public sealed class InterruptibleReadTests
{
    [Test]
    public void A_read_that_ends_gives_its_value()
    {
        InterruptibleRead.Run(() => "scenario", CancellationToken.None).Should().Be("scenario");
    }

    [Test]
    public void A_reads_validation_errors_come_through_unwrapped()
    {
        var problem = new ScenarioValidationException([new ValidationError("horizonSeconds", "0", "must be greater than 0")]);

        var read = () => InterruptibleRead.Run<string>(() => throw problem, CancellationToken.None);

        read.Should().Throw<ScenarioValidationException>().Which.Should().BeSameAs(problem);
    }

    [Test]
    public void A_signal_during_a_read_that_has_not_ended_stops_the_command_without_waiting_for_it()
    {
        using var release = new ManualResetEventSlim();
        using var signal = new CancellationTokenSource();
        var readEnded = false;
        string? SlowRead()
        {
            signal.Cancel(); // The signal arrives while the read is under way.
            release.Wait(TimeSpan.FromSeconds(30)); // A trace that takes long to read (bounded, so a failure cannot hang).
            readEnded = true;
            return "scenario";
        }

        var read = () => InterruptibleRead.Run(SlowRead, signal.Token);

        read.Should().Throw<OperationCanceledException>();
        readEnded.Should().BeFalse("the command stops before the read ends");
        release.Set();
    }
}
