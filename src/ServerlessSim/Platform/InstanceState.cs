namespace ServerlessSim.Platform;

/// <summary>Where an instance (execution environment) is in its life: Initializing -> Idle &lt;-> Busy -> Reclaimed.</summary>
public enum InstanceState : byte
{
    /// <summary>The slot holds no instance (never used, or its instance was reclaimed).</summary>
    Reclaimed = 0,

    /// <summary>Starting (the cold start); requests bound to it wait.</summary>
    Initializing = 1,

    /// <summary>Ready, serving no request; reclaimed after the keep-alive.</summary>
    Idle = 2,

    /// <summary>Ready and serving at least one request.</summary>
    Busy = 3,
}
