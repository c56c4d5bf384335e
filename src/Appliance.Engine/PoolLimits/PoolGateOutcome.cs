namespace Appliance.Engine.PoolLimits;

/// <summary>How a request's wait for a pool's slot ended.</summary>
internal enum PoolGateOutcome
{
    /// <summary>It holds a slot and must give it back when its response is complete.</summary>
    Entered,

    /// <summary>The cap was reached and the queue was full: refused at once.</summary>
    QueueFull,

    /// <summary>It waited in the queue for the whole timeout without a slot coming free.</summary>
    QueueTimeout,

    /// <summary>The client went away while it waited; it left the queue.</summary>
    ClientGone,
}
