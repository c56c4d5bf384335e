using System.Runtime.CompilerServices;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Streams;

/// <summary>
/// Stream connections open to each backend. YARP counts its requests in flight per destination
/// and offers no way to add to that count safely, so streams keep their own, and least-connections
/// picks by both together. Kept per destination state, which YARP keeps for a backend across revisions.
/// </summary>
internal sealed class StreamDestinationLoad
{
    private readonly ConditionalWeakTable<DestinationState, StrongBox<int>> _open = new();

    /// <summary>Stream connections and HTTP requests the backend has now.</summary>
    public int Of(DestinationState destination) =>
        Volatile.Read(ref _open.GetOrCreateValue(destination).Value) + destination.ConcurrentRequestCount;

    /// <summary>Stream connections only, for the dashboard.</summary>
    public int StreamsOn(DestinationState destination) =>
        _open.TryGetValue(destination, out var count) ? Volatile.Read(ref count.Value) : 0;

    public void Opened(DestinationState destination) => Interlocked.Increment(ref _open.GetOrCreateValue(destination).Value);

    public void Closed(DestinationState destination) => Interlocked.Decrement(ref _open.GetOrCreateValue(destination).Value);
}
