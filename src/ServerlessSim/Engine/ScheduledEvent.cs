namespace ServerlessSim.Engine;

/// <summary>A pending event: when, in what order, what kind and about what. A 24-byte value; no allocation.</summary>
/// <remarks>
/// The engine gives the fields no meaning beyond ordering: a model chooses its kinds (0..255), its targets (an
/// index into its own arrays) and its tags (for example a version number that marks a rescheduled event stale).
/// </remarks>
public readonly struct ScheduledEvent
{
    // The insertion counter shifted left by 8 bits, with the kind in the low 8 bits: ordering by this field is
    // insertion order, and the kind costs no extra bytes. 2^55 insertions is about 1,100 years at 1e9 per second.
    private readonly long _sequenceAndKind;

    internal ScheduledEvent(double time, long sequence, int kind, int target, int tag)
    {
        TimeSeconds = time;
        _sequenceAndKind = (sequence << 8) | (uint)kind;
        Target = target;
        Tag = tag;
    }

    /// <summary>When the event happens, in seconds since the start of the run.</summary>
    public double TimeSeconds { get; }

    /// <summary>When the event happens.</summary>
    public SimTime Time => SimTime.FromSeconds(TimeSeconds);

    /// <summary>The insertion order among all events of the run (ties in time are broken by it).</summary>
    public long Sequence => _sequenceAndKind >> 8;

    /// <summary>The model's kind of event (0..255).</summary>
    public int Kind => (int)(_sequenceAndKind & 0xFF);

    /// <summary>What the event is about, in the model's terms (an instance or request index, say).</summary>
    public int Target { get; }

    /// <summary>A free integer for the model (a version stamp, say).</summary>
    public int Tag { get; }

    /// <summary>Whether this event comes before <paramref name="other"/>: earlier time, then earlier insertion.</summary>
    public bool Precedes(in ScheduledEvent other) =>
        TimeSeconds < other.TimeSeconds || (TimeSeconds == other.TimeSeconds && _sequenceAndKind < other._sequenceAndKind);

    /// <inheritdoc />
    public override string ToString() => $"event kind {Kind} target {Target} tag {Tag} at {Time} (#{Sequence})";
}
