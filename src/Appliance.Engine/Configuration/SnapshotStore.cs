namespace Appliance.Engine.Configuration;

/// <summary>
/// Holds the snapshots: the newest one built (<see cref="Current"/>), the one YARP routes with
/// (<see cref="Serving"/>, a few milliseconds behind), and the one YARP routed with before. On the
/// request path only <see cref="PlanFor"/> reads it, once per request.
/// </summary>
public sealed class SnapshotStore
{
    private ProxySnapshot _current = ProxySnapshot.Empty;
    private ProxySnapshot _serving = ProxySnapshot.Empty;
    private ProxySnapshot _previous = ProxySnapshot.Empty;

    /// <summary>The newest snapshot: what the control plane reports as configured.</summary>
    internal ProxySnapshot Current => Volatile.Read(ref _current);

    /// <summary>The snapshot whose routes and clusters YARP has applied.</summary>
    internal ProxySnapshot Serving => Volatile.Read(ref _serving);

    /// <summary>
    /// The revision YARP has finished applying: its routes are matched and its clusters balanced.
    /// It trails <see cref="Current"/> by the milliseconds YARP takes to rebuild its endpoints.
    /// </summary>
    public long AppliedRevision => Serving.Revision;

    /// <summary>Raised after a new snapshot was swapped in, before YARP applies it.</summary>
    internal event Action<ProxySnapshot>? Swapped;

    /// <summary>Makes <paramref name="snapshot"/> the newest one; YARP is told through <see cref="Swapped"/>.</summary>
    internal void Swap(ProxySnapshot snapshot)
    {
        Volatile.Write(ref _current, snapshot);
        Swapped?.Invoke(snapshot);
    }

    /// <summary>Records that YARP routes with <paramref name="snapshot"/> now.</summary>
    internal void MarkApplied(ProxySnapshot snapshot)
    {
        // YARP applies one configuration at a time, so there is no other writer to race.
        var serving = Serving;
        if (!ReferenceEquals(serving, snapshot))
        {
            Volatile.Write(ref _previous, serving);
            Volatile.Write(ref _serving, snapshot);
        }
    }

    /// <summary>
    /// The plan of the route YARP matched, from the snapshot YARP matched it with. YARP keeps a
    /// route's model, and so its <c>RouteConfig</c>, across revisions that leave the route's match
    /// unchanged, so the matched route cannot say which revision it came from; the revision YARP
    /// has applied can.
    /// </summary>
    internal RoutePlan? PlanFor(string routeId)
    {
        if (Serving.Plans.TryGetValue(routeId, out var plan))
        {
            return plan;
        }

        // Two short windows: YARP matches a new route a moment before it reports the revision
        // applied (the newest snapshot has it), and a request matched just before a revision that
        // removed its route reaches this step just after (the one served before has it).
        return Current.Plans.GetValueOrDefault(routeId) ?? Volatile.Read(ref _previous).Plans.GetValueOrDefault(routeId);
    }
}
