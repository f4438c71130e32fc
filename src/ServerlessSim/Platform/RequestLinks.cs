namespace ServerlessSim.Platform;

/// <summary>Side tables of an autoscaled pool, by request slot and by instance slot: which requests an instance holds, in what phase, with how much memory.</summary>
/// <remarks>
/// Each instance keeps an intrusive doubly-linked list of its bound requests, so a failing instance can settle them
/// all without scanning every request. Arrays grow to the peak request and instance slots, like the tables they shadow.
/// </remarks>
internal sealed class RequestLinks
{
    public const int None = -1;

    public int[] Prev = new int[64];
    public int[] Next = new int[64];
    public RequestPhase[] Phase = new RequestPhase[64];
    public double[] MemoryMb = new double[64];

    public int[] Head = CreateHeads(16);
    public double[] MemoryInUseMb = new double[16];

    public void EnsureRequest(int request)
    {
        if (request >= Prev.Length)
        {
            var size = Math.Max(request + 1, Prev.Length * 2);
            Array.Resize(ref Prev, size);
            Array.Resize(ref Next, size);
            Array.Resize(ref Phase, size);
            Array.Resize(ref MemoryMb, size);
        }
    }

    public void EnsureInstance(int instance)
    {
        if (instance >= Head.Length)
        {
            var old = Head.Length;
            var size = Math.Max(instance + 1, old * 2);
            Array.Resize(ref Head, size);
            Array.Fill(Head, None, old, size - old);
            Array.Resize(ref MemoryInUseMb, size);
        }
    }

    /// <summary>Puts the request at the head of the instance's list.</summary>
    public void Add(int request, int instance)
    {
        var head = Head[instance];
        Prev[request] = None;
        Next[request] = head;
        if (head != None)
        {
            Prev[head] = request;
        }

        Head[instance] = request;
    }

    public void Remove(int request, int instance)
    {
        var (prev, next) = (Prev[request], Next[request]);
        if (prev == None)
        {
            Head[instance] = next;
        }
        else
        {
            Next[prev] = next;
        }

        if (next != None)
        {
            Prev[next] = prev;
        }
    }

    private static int[] CreateHeads(int size)
    {
        var heads = new int[size];
        Array.Fill(heads, None);
        return heads;
    }
}

/// <summary>Where a request of an autoscaled pool is.</summary>
internal enum RequestPhase : byte
{
    /// <summary>In the front queue.</summary>
    Queued,

    /// <summary>Bound to an initialising instance, waiting for it.</summary>
    WaitingForInstance,

    /// <summary>Computing (or, under the interference model, being served as a whole).</summary>
    Cpu,

    /// <summary>Waiting on IO; its completion event is pending.</summary>
    Io,

    /// <summary>Failed with its instance while its completion event was pending: the slot is released when the event fires.</summary>
    FailedPending,
}
