using ServerlessSim.Engine;
using ServerlessSim.Randomness;
using ServerlessSim.Workload;

namespace ServerlessSim.Tests.Workload;

/// <summary>Drawing arrivals allocates nothing per arrival: a run of millions of requests must not churn the heap.</summary>
public class ArrivalAllocationTests
{
    private static IEnumerable<TestCaseData> Processes()
    {
        yield return new TestCaseData(ArrivalProcess.Spike(100, 800, SimDuration.FromSeconds(30), SimDuration.FromSeconds(6))).SetName("Allocation-free: rate schedule");
        yield return new TestCaseData(ArrivalProcess.Sinusoidal(100, 50)).SetName("Allocation-free: sinusoid");
        yield return new TestCaseData(ArrivalProcess.HourlyProfile(Enumerable.Range(1, 24).Select(h => (double)h).ToArray(), ProfileInterpolation.Linear))
            .SetName("Allocation-free: hourly profile");
        yield return new TestCaseData(ArrivalProcess.OnOff(100, SimDuration.FromSeconds(1), SimDuration.FromSeconds(4))).SetName("Allocation-free: on/off");
        yield return new TestCaseData(ArrivalProcess.Superpose(ArrivalProcess.Poisson(10), ArrivalProcess.Constant(5))).SetName("Allocation-free: superposition");
        yield return new TestCaseData(ArrivalProcess.FromTimestamps(Enumerable.Range(0, 300_000).Select(i => i * 0.01).ToArray())).SetName("Allocation-free: trace");
        foreach (var spread in Enum.GetValues<WithinBinSpread>())
        {
            yield return new TestCaseData(ArrivalProcess.FromBinnedCounts(Enumerable.Repeat(500, 1_000).ToArray(), SimDuration.FromSeconds(60), spread))
                .SetName($"Allocation-free: binned counts, {spread}");
        }
    }

    [TestCaseSource(nameof(Processes))]
    public void Drawing_arrivals_allocates_nothing(ArrivalProcess process)
    {
        var stream = process.CreateStream(RandomStream.For(1, 0, 0, StreamPurpose.Arrivals));
        for (var i = 0; i < 1_000; i++)
        {
            stream.Next();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var (last, outOfOrder) = (0.0, 0);
        for (var i = 0; i < 200_000; i++)
        {
            var next = stream.Next();
            outOfOrder += next < last ? 1 : 0;
            last = next;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.Should().Be(0);
        outOfOrder.Should().Be(0);
    }
}
