namespace Appliance.Engine.Configuration;

/// <summary>
/// Everything the data plane does with one route at one revision, compiled when the snapshot was
/// built: one part per feature (HTTPS policy, shield, cache rules and compression, traffic
/// split…), each made by that feature's <see cref="IRoutePlanCompiler"/>. A request gets its
/// route's plan once, right after the route is matched (<see cref="RoutePlanMiddleware"/>), and
/// every later stage reads its part from that plan, never from the snapshot store: a request sees
/// one revision from start to end, however many swaps happen meanwhile.
/// </summary>
internal sealed class RoutePlan
{
    private static int _slots;
    private readonly object?[] _parts;

    public RoutePlan(string routeId, long revision, object?[] parts)
    {
        RouteId = routeId;
        Revision = revision;
        _parts = parts;
    }

    /// <summary>The route's name; empty for <see cref="ProxySnapshot.Unmatched"/>.</summary>
    public string RouteId { get; }

    /// <summary>The configuration revision the plan was compiled from.</summary>
    public long Revision { get; }

    /// <summary>This route's part of the feature whose compiler makes <typeparamref name="TPart"/>.</summary>
    public TPart Get<TPart>()
        where TPart : class
    {
        // An array index rather than a lookup by type: this runs in every stage of every request.
        var slot = RoutePlanSlot<TPart>.Index;
        return (uint)slot < (uint)_parts.Length && _parts[slot] is TPart part
            ? part
            : throw new InvalidOperationException($"The plan of route '{RouteId}' has no {typeof(TPart).Name}: the feature that compiles it is not registered.");
    }

    /// <summary>
    /// This plan's part of the feature that makes <typeparamref name="TPart"/>, or null when it has
    /// none: for steps that also run for requests no route took, whose plan
    /// (<see cref="ProxySnapshot.Unmatched"/>) holds only the parts features set for them.
    /// </summary>
    public TPart? Find<TPart>()
        where TPart : class
    {
        var slot = RoutePlanSlot<TPart>.Index;
        return (uint)slot < (uint)_parts.Length ? _parts[slot] as TPart : null;
    }

    /// <summary>Hands out the next free part index; see <see cref="RoutePlanSlot{TPart}"/>.</summary>
    internal static int ReserveSlot() => Interlocked.Increment(ref _slots) - 1;
}
