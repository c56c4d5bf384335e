namespace Appliance.Engine.PoolLimits;

/// <summary>A capped pool's load on this node now, for the dashboard and the Pools page.</summary>
/// <param name="Pool">The pool's name.</param>
/// <param name="MaxConcurrentRequests">The cap in force.</param>
/// <param name="QueueLength">Requests that may wait; 0 when none may.</param>
/// <param name="Active">Requests holding a slot.</param>
/// <param name="Queued">Requests waiting for one.</param>
/// <param name="RejectedQueueFull">Refused at once since start, the queue being full.</param>
/// <param name="RejectedQueueTimeout">Refused since start after waiting the whole queue timeout.</param>
public sealed record PoolLoad(string Pool, int MaxConcurrentRequests, int QueueLength, int Active, int Queued, long RejectedQueueFull, long RejectedQueueTimeout);
