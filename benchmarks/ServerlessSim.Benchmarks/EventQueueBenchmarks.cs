using BenchmarkDotNet.Attributes;
using ServerlessSim.Engine;

namespace ServerlessSim.Benchmarks;

/// <summary>
/// The hold model on a queue of N pending events: each operation dequeues the earliest event and enqueues one at
/// its time plus an exponential increment (mean 1 s), so the queue keeps N events, as a simulation in steady state.
/// </summary>
/// <remarks>
/// Both queues order by (time, insertion order). The increments are drawn once from a fixed-seed
/// <see cref="Random"/> into a table, so the measured loop does no random draws and both queues see the same
/// times. <c>DequeueEnqueue</c> is PriorityQueue's fused pop-and-push (one sift instead of two), shown for
/// reference: the simulator handles an event before it knows what to schedule, so it does a separate pop and push.
/// </remarks>
[MemoryDiagnoser]
public class EventQueueBenchmarks
{
    private const int OpsPerInvoke = 4096;
    private const int IncrementCount = 1 << 16;
    private readonly double[] _increments = new double[IncrementCount];
    private EventQueue _eventQueue = null!;
    private PriorityQueue<int, (double Time, long Sequence)> _priorityQueue = null!;
    private long _sequence;
    private int _next;

    [Params(1_000, 100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261126);
        for (var i = 0; i < _increments.Length; i++)
        {
            _increments[i] = -Math.Log(1.0 - random.NextDouble());
        }

        _eventQueue = new EventQueue();
        _priorityQueue = new PriorityQueue<int, (double, long)>(N);
        _sequence = 0;
        for (var i = 0; i < N; i++)
        {
            var time = _increments[i % IncrementCount];
            _eventQueue.Enqueue(time, kind: 0, target: i);
            _priorityQueue.Enqueue(i, (time, _sequence++));
        }

        _next = 0;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = OpsPerInvoke)]
    public int PriorityQueueHold()
    {
        var queue = _priorityQueue;
        var increments = _increments;
        var next = _next;
        var sum = 0;
        for (var i = 0; i < OpsPerInvoke; i++)
        {
            queue.TryDequeue(out var element, out var priority);
            queue.Enqueue(element, (priority.Time + increments[next], _sequence++));
            next = (next + 1) & (IncrementCount - 1);
            sum += element;
        }

        _next = next;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = OpsPerInvoke)]
    public int PriorityQueueDequeueEnqueue()
    {
        var queue = _priorityQueue;
        var increments = _increments;
        var next = _next;
        var sum = 0;
        for (var i = 0; i < OpsPerInvoke; i++)
        {
            queue.TryPeek(out var element, out var priority);
            queue.DequeueEnqueue(element, (priority.Time + increments[next], _sequence++));
            next = (next + 1) & (IncrementCount - 1);
            sum += element;
        }

        _next = next;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = OpsPerInvoke)]
    public int EventQueueHold()
    {
        var queue = _eventQueue;
        var increments = _increments;
        var next = _next;
        var sum = 0;
        for (var i = 0; i < OpsPerInvoke; i++)
        {
            var earliest = queue.Dequeue();
            queue.Enqueue(earliest.TimeSeconds + increments[next], earliest.Kind, earliest.Target, earliest.Tag);
            next = (next + 1) & (IncrementCount - 1);
            sum += earliest.Target;
        }

        _next = next;
        return sum;
    }
}
