using Yarp.ReverseProxy.Configuration;

namespace Appliance.Engine.Configuration;

/// <summary>
/// Holds the snapshots: the newest one built (<see cref="Current"/>), the one YARP routes with
/// (<see cref="Serving"/>, a few milliseconds behind), the ones swapped in since, and the one YARP
/// routed with before. On the request path only <see cref="PlanFor"/> reads it, once per request.
/// </summary>
public sealed class SnapshotStore
{
    // YARP applies the newest configuration it reads, so more than a few waiting snapshots means it
    // is refusing them; the oldest are let go rather than held without bound.
    private const int MaxPending = 4;

    private readonly Lock _writing = new();
    private ProxySnapshot _current = ProxySnapshot.Empty;
    private ProxySnapshot _serving = ProxySnapshot.Empty;
    private ProxySnapshot _previous = ProxySnapshot.Empty;
    private ProxySnapshot[] _pending = [];

    // What a matched route can belong to, most likely first: read without a lock, replaced whole.
    private ProxySnapshot[] _held = [ProxySnapshot.Empty];

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

    /// <summary>Raised after YARP applied a snapshot: its clusters exist, with their health state.</summary>
    internal event Action<ProxySnapshot>? Applied;

    /// <summary>Makes <paramref name="snapshot"/> the newest one; YARP is told through <see cref="Swapped"/>.</summary>
    internal void Swap(ProxySnapshot snapshot)
    {
        lock (_writing)
        {
            Volatile.Write(ref _current, snapshot);
            _pending = [.. _pending.TakeLast(MaxPending - 1), snapshot];
            Publish();
        }

        Swapped?.Invoke(snapshot);
    }

    /// <summary>Records that YARP routes with <paramref name="snapshot"/> now.</summary>
    internal void MarkApplied(ProxySnapshot snapshot)
    {
        lock (_writing)
        {
            var serving = Serving;
            if (ReferenceEquals(serving, snapshot))
            {
                return;
            }

            _previous = serving;
            Volatile.Write(ref _serving, snapshot);

            // Revisions only grow: YARP will never apply one older than this, nor match its routes.
            _pending = _pending.Where(p => p.Revision > snapshot.Revision).ToArray();
            Publish();
        }

        Applied?.Invoke(snapshot);
    }

    /// <summary>
    /// The plan built with the route YARP matched, or null when no held snapshot built it (the route
    /// was matched just before two revisions went live, or no snapshot made it). The matched config
    /// names its revision (<see cref="RouteRevision"/>): YARP switches to a revision's routes before it
    /// reports the revision applied, so the applied snapshot cannot say which plan goes with a route.
    /// </summary>
    internal RoutePlan? PlanFor(RouteConfig matched)
    {
        var revision = RouteRevision.Of(matched);
        if (revision is null)
        {
            return null;
        }

        foreach (var snapshot in Volatile.Read(ref _held))
        {
            if (string.Equals(snapshot.RevisionId, revision, StringComparison.Ordinal))
            {
                return snapshot.Plans.GetValueOrDefault(matched.RouteId);
            }
        }

        return null;
    }

    /// <summary>
    /// The plan of a request no route took, from the snapshot YARP routes with: one read, so the
    /// request sees one revision, the one it failed to match in (or, within milliseconds of a
    /// switch, the one before it).
    /// </summary>
    internal RoutePlan UnmatchedPlan() => Serving.Unmatched;

    // The served snapshot first (nearly every request), then the newest ones YARP may be switching
    // to, then the one served before (requests matched just before the last switch).
    private void Publish() => Volatile.Write(ref _held, [_serving, .. Enumerable.Reverse(_pending), _previous]);
}
