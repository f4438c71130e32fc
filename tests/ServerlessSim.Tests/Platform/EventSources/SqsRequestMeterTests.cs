using ServerlessSim.Platform.EventSources;

namespace ServerlessSim.Tests.Platform.EventSources;

public class SqsRequestMeterTests
{
    [Test]
    public void Sends_receives_and_deletes_are_billed_per_call_and_per_started_64_kb()
    {
        var meter = new SqsRequestMeter(65_536);
        meter.OnSend(1_024);
        meter.OnSend(65_537);
        meter.Sends.Should().Be(3, "1 KB is one request, 64 KB + 1 byte two");

        var messages = new MessageTable();
        var slots = Enumerable.Range(0, 25).Select(_ =>
        {
            var slot = messages.Allocate();
            messages.SizeBytes[slot] = 10_000;
            messages.Counted[slot] = true;
            return slot;
        }).ToArray();
        meter.OnReceive(messages, slots);
        meter.Receives.Should().Be(2 + 2 + 1, "calls of 10, 10 and 5 messages: 100 KB, 100 KB, 50 KB");

        meter.OnDelete(25);
        meter.Deletes.Should().Be(3);

        meter.OnIdlePolling(5 * 60);
        meter.EmptyReceives.Should().Be(15, "five pollers for a minute, one 20 s long poll each at a time");
        meter.Total.Should().Be(3 + 5 + 3 + 15);
    }
}
