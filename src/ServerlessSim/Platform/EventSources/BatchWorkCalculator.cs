using ServerlessSim.Policies.Batching;

namespace ServerlessSim.Platform.EventSources;

/// <summary>Turns a batch's messages into one invocation's work under a <see cref="BatchExecutionKind"/>, on an environment of a given vCPU share.</summary>
/// <remarks>
/// One message alone computes at min(1, c) CPU-seconds per second on c vCPUs (Lambda's share: memory / 1,769 MB).
/// <list type="bullet">
/// <item>Sequential: CPU part = sum of CPU / min(1, c); IO part = sum of IO.</item>
/// <item>Overhead plus per item: the same with the overhead's CPU and IO added once.</item>
/// <item>Concurrent: the messages' CPU phases run together under processor sharing, each at min(1, c / k) with k
/// still computing, so the CPU part is the last one's finish; the IO part is the longest IO wait (they overlap).
/// E.g. CPU 10, 20 and 30 ms on c = 2: all three at 2/3 until 10 ms are done (15 ms), the other two at 1 for 10 ms
/// more (25 ms), the last alone for 10 ms (35 ms); on c = 0.579: 60 / 0.579 = 103.6 ms.</item>
/// </list>
/// The scratch array for sorting grows to the largest batch and no further. Not thread-safe.
/// </remarks>
internal sealed class BatchWorkCalculator
{
    private readonly BatchExecutionOptions _execution;
    private readonly double _vCpus;
    private readonly double _soloRate;
    private double[] _cpu = new double[16];

    /// <param name="execution">How the handler works through a batch.</param>
    /// <param name="vCpus">vCPUs of the environment (e.g. 0.579 at 1,024 MB).</param>
    public BatchWorkCalculator(BatchExecutionOptions execution, double vCpus)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vCpus);
        _execution = execution;
        _vCpus = vCpus;
        _soloRate = Math.Min(1.0, vCpus);
    }

    /// <summary>The work of the messages at <paramref name="slots"/> of <paramref name="messages"/>.</summary>
    public BatchWork Compute(MessageTable messages, ReadOnlySpan<int> slots)
    {
        var cpuSum = 0.0;
        var ioSum = 0.0;
        var ioMax = 0.0;
        foreach (var slot in slots)
        {
            cpuSum += messages.CpuSeconds[slot];
            ioSum += messages.IoSeconds[slot];
            ioMax = Math.Max(ioMax, messages.IoSeconds[slot]);
        }

        switch (_execution.Kind)
        {
            case BatchExecutionKind.Concurrent:
                return new BatchWork(slots.Length, cpuSum, SharedCpuSeconds(messages, slots), ioMax);
            case BatchExecutionKind.OverheadPlusPerItem:
                var cpu = cpuSum + _execution.OverheadCpu.Seconds;
                return new BatchWork(slots.Length, cpu, cpu / _soloRate, ioSum + _execution.OverheadIo.Seconds);
            default:
                return new BatchWork(slots.Length, cpuSum, cpuSum / _soloRate, ioSum);
        }
    }

    // Processor sharing on c vCPUs, each message at most one: messages finish in order of CPU demand; while k compute,
    // each gets min(1, c / k).
    private double SharedCpuSeconds(MessageTable messages, ReadOnlySpan<int> slots)
    {
        var n = slots.Length;
        if (_cpu.Length < n)
        {
            _cpu = new double[Math.Max(n, _cpu.Length * 2)];
        }

        for (var i = 0; i < n; i++)
        {
            _cpu[i] = messages.CpuSeconds[slots[i]];
        }

        var demands = _cpu.AsSpan(0, n);
        demands.Sort();
        var time = 0.0;
        var served = 0.0;
        for (var i = 0; i < n; i++)
        {
            var computing = n - i;
            var rate = Math.Min(1.0, _vCpus / computing);
            time += (demands[i] - served) / rate;
            served = demands[i];
        }

        return time;
    }
}
