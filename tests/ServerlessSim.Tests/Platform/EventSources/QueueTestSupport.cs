using ServerlessSim.Platform.EventSources;
using ServerlessSim.Policies.Batching;
using ServerlessSim.Randomness;

namespace ServerlessSim.Tests.Platform.EventSources;

/// <summary>Records what left a queue unprocessed, and checks that every message sent is somewhere.</summary>
internal sealed class RecordingOutcomes : IMessageOutcomes
{
    public List<(double SentSeconds, double At)> DeadLettered { get; } = [];

    public List<(double SentSeconds, double At)> Expired { get; } = [];

    public MessageTable? Messages { get; set; }

    public int Returned { get; private set; }

    public void OnReturned(int slot, double nowSeconds) => Returned++;

    public void OnDeadLettered(int slot, double nowSeconds) => DeadLettered.Add((Messages!.SentSeconds[slot], nowSeconds));

    public void OnExpired(int slot, double nowSeconds) => Expired.Add((Messages!.SentSeconds[slot], nowSeconds));

    public static (SqsQueue Queue, RecordingOutcomes Outcomes) NewQueue(SqsQueueOptions options)
    {
        var outcomes = new RecordingOutcomes { Messages = new MessageTable() };
        return (SqsQueue.Create(options, outcomes.Messages, outcomes), outcomes);
    }
}

internal static class QueueAssertions
{
    /// <summary>sent = deleted + visible + in flight + dead-lettered + expired, and the table holds exactly the visible and in-flight ones.</summary>
    public static void ShouldConserveMessages(this SqsQueue queue)
    {
        queue.Sent.Should().Be(queue.Deleted + queue.Visible + queue.InFlight + queue.DeadLettered + queue.Expired, "every message sent is in exactly one place");
        queue.Messages.Live.Should().Be(queue.Visible + queue.InFlight);
    }

    /// <summary>Runs <paramref name="steps"/> random steps 0 to 0.5 s apart (<paramref name="step"/> does one operation), checking conservation after each.</summary>
    public static void RunRandomHistory(this SqsQueue queue, long seed, Action<double, RandomStream> step, int steps = 20_000)
    {
        var random = RandomStream.For(seed, 0, 0, StreamPurpose.Policy);
        var now = 0.0;
        for (var i = 0; i < steps; i++)
        {
            now += random.NextDouble() * 0.5;
            step(now, random);
            queue.ShouldConserveMessages();
        }
    }
}
