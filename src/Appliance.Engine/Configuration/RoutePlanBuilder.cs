using System.Collections.Frozen;
using Appliance.Data.Model;

namespace Appliance.Engine.Configuration;

/// <summary>Collects the parts the compilers make for one snapshot's routes, and turns them into the route plans.</summary>
internal sealed class RoutePlanBuilder
{
    private readonly long _revision;
    private readonly Dictionary<string, object?[]> _parts;
    private object?[] _unmatched = [];

    public RoutePlanBuilder(long revision, IReadOnlyList<RouteSpec> routes)
    {
        _revision = revision;
        _parts = new Dictionary<string, object?[]>(routes.Count, StringComparer.Ordinal);
        foreach (var route in routes)
        {
            _parts.Add(route.Name, []);
        }
    }

    /// <summary>Sets <paramref name="route"/>'s part of the feature that makes <typeparamref name="TPart"/>.</summary>
    public void Set<TPart>(RouteSpec route, TPart part)
        where TPart : class
    {
        ArgumentNullException.ThrowIfNull(part);
        if (!_parts.TryGetValue(route.Name, out var parts))
        {
            throw new ArgumentException($"Route '{route.Name}' is not in the document being compiled.", nameof(route));
        }

        var slot = RoutePlanSlot<TPart>.Index;
        if (parts.Length <= slot)
        {
            Array.Resize(ref parts, slot + 1);
            _parts[route.Name] = parts;
        }

        parts[slot] = part;
    }

    /// <summary>
    /// Sets the part of the feature that makes <typeparamref name="TPart"/> in the plan of requests no
    /// route takes (<see cref="ProxySnapshot.Unmatched"/>): only features that answer those requests
    /// (their error page) set one.
    /// </summary>
    public void SetUnmatched<TPart>(TPart part)
        where TPart : class
    {
        ArgumentNullException.ThrowIfNull(part);
        var slot = RoutePlanSlot<TPart>.Index;
        if (_unmatched.Length <= slot)
        {
            Array.Resize(ref _unmatched, slot + 1);
        }

        _unmatched[slot] = part;
    }

    /// <summary>The plan of requests no route takes, with the parts set through <see cref="SetUnmatched{TPart}"/>.</summary>
    public RoutePlan BuildUnmatched() => new("", _revision, _unmatched);

    /// <summary>The plans by route id. A compiler that left a route out refuses the snapshot here, not on a request.</summary>
    public FrozenDictionary<string, RoutePlan> Build()
    {
        var made = new bool[_parts.Values.Select(p => p.Length).DefaultIfEmpty(0).Max()];
        foreach (var parts in _parts.Values)
        {
            for (var slot = 0; slot < parts.Length; slot++)
            {
                made[slot] |= parts[slot] is not null;
            }
        }

        foreach (var (route, parts) in _parts)
        {
            for (var slot = 0; slot < made.Length; slot++)
            {
                if (made[slot] && (slot >= parts.Length || parts[slot] is null))
                {
                    throw new InvalidOperationException($"Route '{route}' is missing a plan part that other routes have.");
                }
            }
        }

        return _parts.ToFrozenDictionary(p => p.Key, p => new RoutePlan(p.Key, _revision, p.Value), StringComparer.Ordinal);
    }
}
