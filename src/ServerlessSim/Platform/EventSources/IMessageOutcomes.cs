namespace ServerlessSim.Platform.EventSources;

/// <summary>Told when a message returns to the queue unprocessed, or leaves it unprocessed (just before its slot is freed: its fields are still readable).</summary>
internal interface IMessageOutcomes
{
    /// <summary>The message's visibility timeout ended before it was deleted: it is visible again.</summary>
    void OnReturned(int slot, double nowSeconds);

    /// <summary>The message was moved to the dead-letter queue (it had been received maxReceiveCount times).</summary>
    void OnDeadLettered(int slot, double nowSeconds);

    /// <summary>The message was dropped at the end of its retention period.</summary>
    void OnExpired(int slot, double nowSeconds);
}
