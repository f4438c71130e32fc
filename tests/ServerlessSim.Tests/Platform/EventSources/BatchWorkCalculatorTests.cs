using ServerlessSim.Engine;
using ServerlessSim.Platform.EventSources;
using ServerlessSim.Policies.Batching;

namespace ServerlessSim.Tests.Platform.EventSources;

public class BatchWorkCalculatorTests
{
    private static (MessageTable Messages, int[] Slots) Batch(params (double Cpu, double Io)[] items)
    {
        var messages = new MessageTable();
        var slots = items.Select(item =>
        {
            var slot = messages.Allocate();
            (messages.CpuSeconds[slot], messages.IoSeconds[slot]) = item;
            return slot;
        }).ToArray();
        return (messages, slots);
    }

    [Test]
    public void Sequential_adds_the_cpu_at_the_solo_rate_and_the_io()
    {
        var (messages, slots) = Batch((0.010, 0.150), (0.020, 0.100));
        var work = new BatchWorkCalculator(BatchExecutionOptions.Sequential, vCpus: 0.5).Compute(messages, slots);

        work.Should().Be(new BatchWork(2, 0.030, 0.060, 0.250));
        work.DurationSeconds.Should().BeApproximately(0.310, 1e-12);
    }

    [Test]
    public void Overhead_plus_per_item_adds_the_overhead_once()
    {
        var (messages, slots) = Batch((0.010, 0.150), (0.020, 0.100));
        var execution = BatchExecutionOptions.OverheadPlusPerItem(SimDuration.FromMilliseconds(5), SimDuration.FromMilliseconds(50));
        var work = new BatchWorkCalculator(execution, vCpus: 2).Compute(messages, slots);

        work.CpuSeconds.Should().BeApproximately(0.035, 1e-12);
        work.CpuPhaseSeconds.Should().BeApproximately(0.035, 1e-12, "one message alone uses at most one vCPU");
        work.IoSeconds.Should().BeApproximately(0.300, 1e-12);
    }

    [Test]
    public void Concurrent_shares_the_vcpus_and_overlaps_the_io()
    {
        var (messages, slots) = Batch((0.030, 0.150), (0.010, 0.400), (0.020, 0.100));

        var onTwo = new BatchWorkCalculator(BatchExecutionOptions.Concurrent, vCpus: 2).Compute(messages, slots);
        onTwo.CpuPhaseSeconds.Should().BeApproximately(0.035, 1e-12, "15 ms at 2/3 each, 10 ms at 1 each, 10 ms alone");
        onTwo.IoSeconds.Should().Be(0.400);
        onTwo.CpuSeconds.Should().BeApproximately(0.060, 1e-12);

        var onPart = new BatchWorkCalculator(BatchExecutionOptions.Concurrent, vCpus: 0.579).Compute(messages, slots);
        onPart.CpuPhaseSeconds.Should().BeApproximately(0.060 / 0.579, 1e-12, "below one vCPU the sum runs at the share");

        var onMany = new BatchWorkCalculator(BatchExecutionOptions.Concurrent, vCpus: 6).Compute(messages, slots);
        onMany.CpuPhaseSeconds.Should().BeApproximately(0.030, 1e-12, "with a vCPU each, the longest");
    }

    [Test]
    public void The_documented_example_ten_messages_concurrently_against_one_after_another()
    {
        var (messages, slots) = Batch(Enumerable.Repeat((0.010, 0.150), 10).ToArray());
        var concurrent = new BatchWorkCalculator(BatchExecutionOptions.Concurrent, 0.579).Compute(messages, slots);
        var sequential = new BatchWorkCalculator(BatchExecutionOptions.Sequential, 0.579).Compute(messages, slots);

        concurrent.DurationSeconds.Should().BeApproximately(0.1 / 0.579 + 0.150, 1e-12);
        sequential.DurationSeconds.Should().BeApproximately(0.1 / 0.579 + 1.5, 1e-12);
    }
}
